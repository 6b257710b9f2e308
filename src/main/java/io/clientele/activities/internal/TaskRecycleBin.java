package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TaskService;
import io.clientele.activities.TaskVisibility;
import io.clientele.clients.RecycleBin;
import io.clientele.clients.spi.RecycleBinSection;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deleted tasks in the one recycle bin, for 30 days, to those who may see them. */
@Component
class TaskRecycleBin implements RecycleBinSection {

	private final JdbcClient jdbc;

	private final TaskStore store;

	private final TaskService tasks;

	private final UserDirectory users;

	TaskRecycleBin(JdbcClient jdbc, TaskStore store, TaskService tasks, UserDirectory users) {
		this.jdbc = jdbc;
		this.store = store;
		this.tasks = tasks;
		this.users = users;
	}

	@Override
	public String type() {
		return TaskService.RECORD_TYPE;
	}

	@Override
	public List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader) {
		TaskVisibility visibility = store.visibility(reader.id());
		record Row(long id, String title, OffsetDateTime deletedAt, @Nullable Long deletedBy) {
		}
		List<Row> rows = visibility.bind(jdbc.sql("""
				select c.id, c.title, c.deleted_at, c.deleted_by from tasks c
				 where c.deleted_at >= :since and %s order by c.deleted_at desc limit :limit
				""".formatted(visibility.sqlCondition("c"))))
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, Long.class)))
			.list();
		Map<Long, String> names = users
			.names(rows.stream().map(Row::deletedBy).filter(java.util.Objects::nonNull).distinct().toList());
		return rows.stream()
			.map(row -> new RecycleBin.Item(type(), row.id(), row.title(), row.deletedAt().toInstant(),
					row.deletedBy() == null ? null : names.get(row.deletedBy()),
					row.deletedAt().toInstant().plus(Duration.ofDays(Task.RESTORABLE_DAYS))))
			.toList();
	}

	@Override
	public String restore(long id, CurrentUser reader) {
		tasks.restore(id, reader);
		return "/tasks/" + id;
	}

}
