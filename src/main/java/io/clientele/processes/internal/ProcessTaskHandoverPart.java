package io.clientele.processes.internal;

import java.util.List;

import io.clientele.activities.HandoverPart;
import io.clientele.identity.CurrentUser;
import org.flowable.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Handing over a departing user's work moves the open actions they still hold to the
 * other user, in the engine and in {@code process_tasks}: those for the responsible
 * manager have already followed their deals (the deals' part runs first), this part moves
 * the rest (actions for a head, a role or a named user, and escalated ones).
 */
@Component
class ProcessTaskHandoverPart implements HandoverPart {

	private final JdbcClient jdbc;

	private final TaskService tasks;

	ProcessTaskHandoverPart(JdbcClient jdbc, TaskService tasks) {
		this.jdbc = jdbc;
		this.tasks = tasks;
	}

	@Override
	public String key() {
		return "handover.part.process-tasks";
	}

	@Override
	public int order() {
		return 45;
	}

	@Override
	public long count(long fromUserId, CurrentUser actor) {
		return jdbc.sql("select count(*) from process_tasks where assignee_id = ?")
			.param(fromUserId)
			.query(Long.class)
			.single();
	}

	@Override
	public int move(long fromUserId, long toUserId, CurrentUser actor) {
		List<String> held = jdbc.sql("select task_id from process_tasks where assignee_id = ? order by created_at")
			.param(fromUserId)
			.query(String.class)
			.list();
		EngineCalls.as(actor.id(), () -> {
			held.forEach(task -> tasks.setAssignee(task, String.valueOf(toUserId)));
			return null;
		});
		return held.size();
	}

}
