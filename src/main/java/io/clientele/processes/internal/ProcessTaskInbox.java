package io.clientele.processes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.clientele.activities.MyTasksChanges;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open actions of running processes as rows of {@code process_tasks}, written in the
 * engine's own transaction: added when the engine creates a task, changed when it is
 * given to someone else, removed when it is completed or deleted (a process ended by
 * hand, an action moved). "My tasks" and the task pages read them by assignee, by deal
 * and by instruction, on indexes the engine's tables do not have; the holders' open pages
 * hear that their "My tasks" changed ({@link MyTasksChanges}) when the engine's
 * transaction commits.
 */
@Component
public class ProcessTaskInbox implements FlowableEventListener {

	/** An open action as the inbox keeps it. */
	public record Row(String taskId, String processInstanceId, String activityId, String name, @Nullable Long dealId,
			@Nullable Long assigneeId, @Nullable Instant dueAt, Instant createdAt, @Nullable Instant openedAt,
			@Nullable Long instructionId, boolean dueAllDay) {
	}

	private static final String COLUMNS = "task_id, process_instance_id, activity_id, name, deal_id, assignee_id, due_at, created_at, opened_at, instruction_id, due_all_day";

	private final JdbcClient jdbc;

	private final MyTasksChanges myTasksChanges;

	ProcessTaskInbox(JdbcClient jdbc, MyTasksChanges myTasksChanges) {
		this.jdbc = jdbc;
		this.myTasksChanges = myTasksChanges;
	}

	void add(Task task, @Nullable Long dealId, @Nullable Long instructionId, @Nullable ProcessDeadline deadline) {
		Instant due = deadline != null ? deadline.dueAt()
				: task.getDueDate() == null ? null : task.getDueDate().toInstant();
		ProcessDefinition map = ProcessDefinitionUtil.getProcessDefinition(task.getProcessDefinitionId());
		ExecutionEntity process = CommandContextUtil.getExecutionEntityManager().findById(task.getProcessInstanceId());
		jdbc.sql(
				"""
						insert into process_tasks (task_id, process_instance_id, activity_id, name, deal_id, assignee_id, due_at,
						                           created_at, process_definition_key, process_definition_version,
						                           process_started_at, instruction_id, due_all_day)
						values (?, ?, ?, ?, ?, (select id from users where id = ?), ?, ?, ?, ?, ?, ?, ?)
						on conflict (task_id) do nothing
						""")
			.params(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
					task.getName() == null ? task.getTaskDefinitionKey() : task.getName(), dealId,
					userId(task.getAssignee()), due == null ? null : due.atOffset(ZoneOffset.UTC),
					utc(task.getCreateTime()), map == null ? null : map.getKey(), map == null ? null : map.getVersion(),
					process == null ? utc(task.getCreateTime()) : utc(process.getStartTime()), instructionId,
					deadline != null && deadline.allDay())
			.update();
		changed(userId(task.getAssignee()));
	}

	/**
	 * The action passed its deadline and went up to a head (or stayed where it was when
	 * there is no head above): it is marked as overdue, with whom it came from.
	 */
	void escalated(String taskId, @Nullable Long fromId, Instant at) {
		jdbc.sql("""
				update process_tasks set escalated_at = ?, escalated_from_id = (select id from users where id = ?)
				 where task_id = ? and escalated_at is null
				""").params(at.atOffset(ZoneOffset.UTC), fromId, taskId).update();
	}

	/** When an action went up to a head and from whom; empty while it has not. */
	public Optional<Escalation> escalation(String taskId) {
		return jdbc.sql(
				"select escalated_at, escalated_from_id from process_tasks where task_id = ? and escalated_at is not null")
			.param(taskId)
			.query((rs, n) -> new Escalation(java.util.Objects.requireNonNull(instant(rs, 1)),
					rs.getObject(2, Long.class)))
			.optional();
	}

	/** An action sent up to a head when its deadline passed. */
	public record Escalation(Instant at, @Nullable Long fromId) {
	}

	private static @Nullable OffsetDateTime utc(java.util.@Nullable Date date) {
		return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
	}

	@Override
	public void onEvent(FlowableEvent event) {
		if (!(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof Task task)) {
			return;
		}
		if (event.getType() == FlowableEngineEventType.TASK_ASSIGNED) {
			Long before = holder(task.getId());
			jdbc.sql(
					"update process_tasks set assignee_id = (select id from users where id = ?), opened_at = null where task_id = ?")
				.params(userId(task.getAssignee()), task.getId())
				.update();
			changed(before, userId(task.getAssignee()));
		}
		else if (event.getType() == FlowableEngineEventType.TASK_COMPLETED
				|| event.getType() == FlowableEngineEventType.ENTITY_DELETED) {
			Long before = holder(task.getId());
			jdbc.sql("delete from process_tasks where task_id = ?").param(task.getId()).update();
			changed(before);
		}
	}

	/** A person's open actions, soonest deadline first (none last), then oldest first. */
	public List<Row> of(long assigneeId, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from process_tasks where assignee_id = ?
				 order by (due_at is null), due_at, created_at limit ?
				""").params(assigneeId, limit).query(ProcessTaskInbox::row).list();
	}

	/**
	 * A person's open actions that are new to them or due before the instant, soonest
	 * first, at most {@code limit}: the part of their "My tasks" badge.
	 */
	public List<Row> attentionOf(long assigneeId, Instant dueBefore, int limit) {
		return jdbc.sql("select " + COLUMNS + """
				 from process_tasks where assignee_id = ? and (opened_at is null or due_at < ?)
				 order by (due_at is null), due_at, created_at limit ?
				""").params(assigneeId, dueBefore.atOffset(ZoneOffset.UTC), limit).query(ProcessTaskInbox::row).list();
	}

	/** The open actions of a deal's processes, oldest first. */
	public List<Row> ofDeal(long dealId) {
		return jdbc.sql("select " + COLUMNS + " from process_tasks where deal_id = ? order by created_at, task_id")
			.param(dealId)
			.query(ProcessTaskInbox::row)
			.list();
	}

	/** The open actions of an instruction's process (one at a time, by its map). */
	public List<Row> ofInstruction(long instructionId) {
		return jdbc
			.sql("select " + COLUMNS + " from process_tasks where instruction_id = ? order by created_at, task_id")
			.param(instructionId)
			.query(ProcessTaskInbox::row)
			.list();
	}

	/**
	 * Locks the open action's row until the transaction ends: whoever completes it second
	 * waits here, then finds it gone (the first one's completion removed it) instead of
	 * reaching the engine with a step it took already.
	 * @return whether the action is still open
	 */
	public boolean lock(String taskId) {
		return jdbc.sql("select 1 from process_tasks where task_id = ? for update")
			.param(taskId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	public Optional<Row> find(String taskId) {
		return jdbc.sql("select " + COLUMNS + " from process_tasks where task_id = ?")
			.param(taskId)
			.query(ProcessTaskInbox::row)
			.optional();
	}

	/** The assignee opened it: it is no longer new to them. */
	public void opened(String taskId, Instant at) {
		jdbc.sql("update process_tasks set opened_at = ? where task_id = ? and opened_at is null")
			.params(at.atOffset(ZoneOffset.UTC), taskId)
			.update();
	}

	@Override
	public boolean isFailOnException() {
		return true;
	}

	@Override
	public boolean isFireOnTransactionLifecycleEvent() {
		return false;
	}

	@Override
	public @Nullable String getOnTransaction() {
		return null;
	}

	private @Nullable Long holder(String taskId) {
		return jdbc.sql("select assignee_id from process_tasks where task_id = ?")
			.param(taskId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
	}

	/** The holders' open pages refresh the badge of "My tasks" when this commits. */
	private void changed(@Nullable Long... holders) {
		List<Long> people = java.util.Arrays.stream(holders).filter(java.util.Objects::nonNull).toList();
		myTasksChanges.changed(people);
	}

	/** An assignee that is not a user's id (a map of another tool's) is kept as none. */
	private static @Nullable Long userId(@Nullable String assignee) {
		return assignee == null || !assignee.matches("[1-9][0-9]{0,17}") ? null : Long.parseLong(assignee);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Long.class),
				rs.getObject(6, Long.class), instant(rs, 7), instant(rs, 8), instant(rs, 9),
				rs.getObject(10, Long.class), rs.getBoolean(11));
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

}
