package io.clientele.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import io.clientele.activities.internal.Task;
import io.clientele.activities.internal.TaskStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to many chosen tasks at once from "My tasks" and the head's view: a new
 * deadline day, another executor. Tasks the user may not see, and done ones, are left
 * alone; each changed task notes it in its history.
 */
@Service
public class TaskBulk {

	/** How many tasks one bulk change takes at most. */
	public static final int MAX = 500;

	private final TaskStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskBulk(TaskStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Moves the deadlines of the chosen open tasks to the day, keeping their times.
	 * @return how many moved
	 */
	@Transactional
	public int reschedule(Collection<Long> ids, LocalDate day, CurrentUser actor) {
		Instant now = clock.instant();
		int moved = 0;
		for (Task task : chosen(ids, actor)) {
			if (day.equals(task.dueOn())) {
				continue;
			}
			var before = store.snapshot(task);
			store.reschedule(task, day, now);
			publish(task, before, RecordChanged.Action.UPDATED, actor, now);
			moved++;
		}
		return moved;
	}

	/**
	 * Moves one open task's deadline to another moment, its reminder with it (dragged in
	 * the calendar).
	 * @throws RuleViolation for a done task
	 */
	@Transactional
	public void moveTo(long id, Instant due, CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visible(id, actor);
		if (!task.state().open()) {
			throw new RuleViolation(null, "task.move.done");
		}
		var before = store.snapshot(task);
		store.moveTo(task, due, now);
		publish(task, before, RecordChanged.Action.UPDATED, actor, now);
	}

	/**
	 * Gives the chosen open tasks to another active user (to their deputy while they are
	 * absent); for the new executor they are new.
	 * @return how many moved
	 */
	@Transactional
	public int reassign(Collection<Long> ids, long toUserId, CurrentUser actor) {
		Instant now = clock.instant();
		long to;
		try {
			to = store.executor(toUserId, null, actor);
		}
		catch (RuleViolation ex) {
			throw new RuleViolation("to", ex.messageKey());
		}
		int moved = 0;
		for (Task task : chosen(ids, actor)) {
			if (task.executorId() == to) {
				continue;
			}
			var before = store.snapshot(task);
			store.reassign(task, to, now);
			publish(task, before, RecordChanged.Action.REASSIGNED, actor, now);
			moved++;
		}
		return moved;
	}

	private List<Task> chosen(Collection<Long> ids, CurrentUser actor) {
		if (ids.size() > MAX) {
			throw new RuleViolation("ids", "task.bulk.too-many", MAX);
		}
		List<Task> chosen = new ArrayList<>();
		for (long id : new LinkedHashSet<>(ids)) {
			try {
				Task task = store.visible(id, actor);
				if (task.state().open()) {
					chosen.add(task);
				}
			}
			catch (RecordNotFound ex) {
				// not the user's to change: left alone, as the clients' reassignment does
			}
		}
		return chosen;
	}

	private void publish(Task task, TaskStore.Snapshot before, RecordChanged.Action action, CurrentUser actor,
			Instant now) {
		events.publishEvent(new RecordChanged(TaskService.RECORD_TYPE, task.id(), action, store.changes(before, task),
				actor.id(), now));
	}

}
