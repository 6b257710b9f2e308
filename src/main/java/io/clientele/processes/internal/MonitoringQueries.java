package io.clientele.processes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.clientele.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monitoring page's reads, on {@code process_tasks} only (decision 0017): the counts
 * per map and version (one grouped scan of the reader's rows), and a page of open
 * actions, the longest waiting first, after a keyset cursor
 * ({@code created_at, task_id}), on {@code process_tasks_waiting_idx} or, for one map,
 * {@code process_tasks_map_idx}; a head's scope and the filter's people are a condition
 * on the holder.
 */
@Component
public class MonitoringQueries {

	/** A version of a map with its running processes. */
	public record Count(String key, int version, long processes, long overdue) {
	}

	/** An open action of a running process. */
	public record Row(String taskId, String mapKey, int mapVersion, @Nullable Long dealId, String name,
			@Nullable Long assigneeId, Instant createdAt, @Nullable Instant dueAt, @Nullable Instant escalatedAt) {
	}

	/** Where a page ends: the last row's wait start and task id. */
	public record Cursor(Instant createdAt, String taskId) {

		public static Cursor of(Row row) {
			return new Cursor(row.createdAt(), row.taskId());
		}

		/** The cursor a page link carries, or null when it is absent or not one. */
		public static @Nullable Cursor parse(@Nullable String text) {
			if (text == null || !text.matches("[0-9]{1,19}~[A-Za-z0-9_.:-]{1,64}")) {
				return null;
			}
			int split = text.indexOf('~');
			long micros = Long.parseLong(text.substring(0, split));
			return new Cursor(Instant.EPOCH.plusNanos(micros * 1000), text.substring(split + 1));
		}

		public String text() {
			long micros = createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1000;
			return micros + "~" + taskId;
		}

	}

	private final JdbcClient jdbc;

	MonitoringQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The running processes per map and version among the actions the scope covers; a
	 * process with several open actions counts once.
	 */
	public List<Count> counts(AccessScope scope, Instant now) {
		return scope.bind(jdbc.sql("""
				select t.process_definition_key, t.process_definition_version, count(distinct t.process_instance_id),
				       count(distinct t.process_instance_id) filter (where t.due_at < :now)
				  from process_tasks t
				 where t.process_definition_key is not null and %s
				 group by 1, 2 order by 1, 2
				""".formatted(scope.sqlCondition("t.assignee_id"))))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Count(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/**
	 * A page of the open actions the scope covers, held by one of the people (null: by
	 * anyone), on one map (null: any), only those past their due time if asked.
	 */
	public List<Row> page(AccessScope scope, @Nullable Set<Long> people, @Nullable String mapKey, boolean overdueOnly,
			Instant now, @Nullable Cursor after, int limit) {
		List<String> where = new ArrayList<>();
		where.add("t.process_definition_key is not null");
		where.add(scope.sqlCondition("t.assignee_id"));
		if (people != null) {
			where.add("t.assignee_id = any(:people)");
		}
		if (mapKey != null) {
			where.add("t.process_definition_key = :map");
		}
		if (overdueOnly) {
			where.add("t.due_at < :now");
		}
		if (after != null) {
			where.add("(t.created_at, t.task_id) > (:afterAt, :afterId)");
		}
		var statement = scope.bind(jdbc.sql("""
				select t.task_id, t.process_definition_key, t.process_definition_version, t.deal_id, t.name,
				       t.assignee_id, t.created_at, t.due_at, t.escalated_at
				  from process_tasks t
				 where %s
				 order by t.created_at, t.task_id
				 limit :limit
				""".formatted(String.join(" and ", where))));
		if (people != null) {
			statement = statement.param("people", people.toArray(Long[]::new));
		}
		if (mapKey != null) {
			statement = statement.param("map", mapKey);
		}
		if (overdueOnly) {
			statement = statement.param("now", now.atOffset(ZoneOffset.UTC));
		}
		if (after != null) {
			statement = statement.param("afterAt", after.createdAt().atOffset(ZoneOffset.UTC))
				.param("afterId", after.taskId());
		}
		return statement.param("limit", limit).query(MonitoringQueries::row).list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, Long.class), rs.getString(5),
				rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class).toInstant(), instant(rs, 8),
				instant(rs, 9));
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

}
