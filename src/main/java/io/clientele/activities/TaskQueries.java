package io.clientele.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.clientele.activities.internal.TaskStore;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Short lists of tasks for other pages: a client's open tasks on its card. */
@Service
public class TaskQueries {

	/** How many tasks a short list shows at most. */
	public static final int SHORT = 20;

	private final JdbcClient jdbc;

	private final TaskStore store;

	TaskQueries(JdbcClient jdbc, TaskStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** A task in a short list. */
	public record Row(long id, TaskKind kind, String title, TaskState state, TaskPriority priority,
			@Nullable LocalDate dueOn, @Nullable Instant dueAt, String executorName, boolean overdue) {
	}

	/**
	 * The client's open tasks the reader may see, soonest deadline first: the client's
	 * tasks from {@code tasks_client_idx}, filtered by the reader's visibility.
	 */
	@Transactional(readOnly = true)
	public List<Row> openOfClient(long clientId, CurrentUser reader) {
		TaskVisibility visibility = store.visibility(reader.id());
		LocalDate today = store.today();
		return visibility.bind(jdbc.sql("""
				select t.id, t.kind, t.title, t.state, t.priority, t.due_on, t.due_at, u.full_name,
				       t.due_on < :today or t.due_at < now() as overdue
				  from tasks t join published_user_names u on u.id = t.executor_id
				 where t.client_id = :client and t.deleted_at is null and t.state <> 'DONE' and %s
				 order by t.due_on nulls last, t.due_at nulls first, t.id limit %d
				""".formatted(visibility.sqlCondition("t"), SHORT)))
			.param("client", clientId)
			.param("today", today)
			.query((rs, n) -> new Row(rs.getLong(1), TaskKind.valueOf(rs.getString(2)), rs.getString(3),
					TaskState.valueOf(rs.getString(4)), TaskPriority.valueOf(rs.getString(5)),
					rs.getObject(6, LocalDate.class), instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8),
					rs.getBoolean(9)))
			.list();
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
