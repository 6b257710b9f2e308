package io.clientele.activities;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.clientele.activities.internal.Task;
import io.clientele.activities.internal.TaskStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting, editing, opening, completing, deleting and restoring tasks and work items, for
 * a signed-in user and within what they may see. Every change publishes
 * {@link RecordChanged}, which becomes the history. The chain of work items is
 * {@link WorkItems}; changes to many tasks at once {@link TaskBulk}.
 */
@Service
public class TaskService {

	public static final String RECORD_TYPE = "task";

	private final TaskStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaskService(TaskStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long create(TaskDraft draft, CurrentUser actor) {
		Instant now = clock.instant();
		var data = store.check(draft, null, actor);
		Task task = store.create(draft.kind() == null ? TaskKind.TASK : draft.kind(), data, actor.id(), now);
		events.publishEvent(new RecordChanged(RECORD_TYPE, task.id(), RecordChanged.Action.CREATED,
				store.initialChanges(task), actor.id(), now));
		return task.id();
	}

	/**
	 * Replaces the task's data with the draft, refused when it changed since the version
	 * the user edited. The kind and the state stay.
	 */
	@Transactional
	public void update(long id, TaskDraft draft, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visible(id, actor);
		task.checkVersion(version);
		var before = store.snapshot(task);
		store.update(task, store.check(draft, task, actor), now);
		changed(task, before, actor, now);
	}

	/**
	 * The task's card; when its executor opens a new one, it is marked seen (no longer
	 * highlighted) and the time it was first opened is kept.
	 */
	@Transactional
	public TaskCard open(long id, CurrentUser reader) {
		Instant now = clock.instant();
		Task task = store.visible(id, reader);
		var before = store.snapshot(task);
		if (store.open(task, reader.id(), now)) {
			changed(task, before, reader, now);
		}
		return store.card(task);
	}

	@Transactional(readOnly = true)
	public TaskCard card(long id, CurrentUser reader) {
		return store.card(store.visible(id, reader));
	}

	/**
	 * Marks the task done, with what came of it and the labour spent (either may stay as
	 * it is: null).
	 */
	@Transactional
	public void complete(long id, long version, @Nullable String result, @Nullable Integer spentMinutes,
			CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visible(id, actor);
		task.checkVersion(version);
		completeLoaded(task, result, spentMinutes, actor, now);
	}

	/** Completes an already loaded, checked task (also the current step of a chain). */
	void completeLoaded(Task task, @Nullable String result, @Nullable Integer spentMinutes, CurrentUser actor,
			Instant now) {
		if (spentMinutes != null && (spentMinutes < 0 || spentMinutes > 1_000_000)) {
			throw new RuleViolation("spentMinutes", "task.spent-invalid");
		}
		var before = store.snapshot(task);
		store.complete(task, result, spentMinutes, actor.id(), now);
		changed(task, before, actor, now);
	}

	@Transactional
	public void reopen(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visible(id, actor);
		task.checkVersion(version);
		var before = store.snapshot(task);
		store.reopen(task, now);
		changed(task, before, actor, now);
	}

	/** Moves the task to the recycle bin. */
	@Transactional
	public void delete(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visible(id, actor);
		task.checkVersion(version);
		store.delete(task, actor.id(), now);
		events
			.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.DELETED, List.of(), actor.id(), now));
	}

	/** Takes the task back from the recycle bin (within 30 days). */
	@Transactional
	public void restore(long id, CurrentUser actor) {
		Instant now = clock.instant();
		Task task = store.visibleInRecycleBin(id, actor);
		store.restore(task, now);
		events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.RESTORED, List.of(), actor.id(), now));
	}

	/** Whether the user may see the task. */
	@Transactional(readOnly = true)
	public boolean visible(long id, CurrentUser reader) {
		try {
			store.visible(id, reader);
			return true;
		}
		catch (RecordNotFound ex) {
			return false;
		}
	}

	private void changed(Task task, TaskStore.Snapshot before, CurrentUser actor, Instant now) {
		var changes = store.changes(before, task);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, task.id(), RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
	}

}
