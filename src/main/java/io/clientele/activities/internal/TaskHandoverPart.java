package io.clientele.activities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.clientele.activities.HandoverPart;
import io.clientele.activities.MyTasksChanges;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open tasks (or work items) of a departing user, handed over in one statement: the
 * other user becomes their executor, for whom they are new (unless they wrote them).
 */
class TaskHandoverPart implements HandoverPart {

	private final TaskKind kind;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final MyTasksChanges myTasksChanges;

	private final Clock clock;

	TaskHandoverPart(TaskKind kind, JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events,
			MyTasksChanges myTasksChanges, Clock clock) {
		this.myTasksChanges = myTasksChanges;
		this.kind = kind;
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String key() {
		return kind == TaskKind.TASK ? "handover.part.tasks" : "handover.part.work-items";
	}

	@Override
	public int order() {
		return kind == TaskKind.TASK ? 30 : 40;
	}

	@Override
	public long count(long fromUserId, CurrentUser actor) {
		// an index-only range of tasks_executor_open_idx, which carries the kind
		return jdbc.sql("""
				select count(*) from tasks
				 where executor_id = :from and deleted_at is null and state <> 'DONE' and kind = :kind
				""").param("from", fromUserId).param("kind", kind.name()).query(Long.class).single();
	}

	@Override
	public int move(long fromUserId, long toUserId, CurrentUser actor) {
		Instant now = clock.instant();
		List<Long> moved = jdbc.sql("""
				update tasks set executor_id = :to,
				       state = case when state = 'IN_PROGRESS' and author_id <> :to then 'NEW'
				                    when state = 'NEW' and author_id = :to then 'IN_PROGRESS' else state end,
				       updated_at = :now, version = version + 1
				 where executor_id = :from and deleted_at is null and state <> 'DONE' and kind = :kind
				returning id
				""")
			.param("to", toUserId)
			.param("from", fromUserId)
			.param("kind", kind.name())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
		if (!moved.isEmpty()) {
			myTasksChanges.changed(List.of(fromUserId, toUserId));
		}
		var names = users.names(List.of(fromUserId, toUserId));
		List<FieldChange> change = List
			.of(FieldChange.of("task.field.executor", names.get(fromUserId), names.get(toUserId)));
		for (long id : moved) {
			events.publishEvent(new RecordChanged(TaskService.RECORD_TYPE, id, RecordChanged.Action.REASSIGNED, change,
					actor.id(), now));
		}
		return moved.size();
	}

}
