package io.clientele.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskState;
import io.clientele.shared.Aggregate;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A task or a work item of the sales conveyor. Its state changes only through
 * {@link #open}, {@link #complete} and {@link #reopen}; its executor through an edit or a
 * reassignment, which makes it new again for the new executor.
 */
@Entity
@Table(name = "tasks")
public class Task extends Aggregate {

	public static final int RESTORABLE_DAYS = 30;

	@Enumerated(EnumType.STRING)
	private TaskKind kind = TaskKind.TASK;

	private String title = "";

	private @Nullable String description;

	private long executorId;

	private long authorId;

	@Enumerated(EnumType.STRING)
	private TaskState state = TaskState.NEW;

	@Enumerated(EnumType.STRING)
	private TaskPriority priority = TaskPriority.NORMAL;

	private @Nullable LocalDate dueOn;

	private @Nullable Instant dueAt;

	private @Nullable Instant remindAt;

	private @Nullable Instant remindedAt;

	private @Nullable Long clientId;

	private @Nullable Long contactId;

	private @Nullable Long dealId;

	private @Nullable Long previousId;

	private @Nullable Long chainId;

	private @Nullable Instant firstOpenedAt;

	private @Nullable String result;

	private int spentMinutes;

	private @Nullable Instant doneAt;

	private @Nullable Long doneBy;

	private Instant createdAt = Instant.EPOCH;

	private Instant updatedAt = Instant.EPOCH;

	private @Nullable Instant deletedAt;

	private @Nullable Long deletedBy;

	protected Task() {
	}

	static Task set(TaskKind kind, TaskData data, long authorId, Instant now) {
		Task task = new Task();
		task.kind = kind;
		task.authorId = authorId;
		task.apply(data);
		task.state = data.executorId() == authorId ? TaskState.IN_PROGRESS : TaskState.NEW;
		task.createdAt = now;
		task.updatedAt = now;
		return task;
	}

	/** The next step of a work item chain after {@code previous}. */
	static Task next(Task previous, TaskData data, long authorId, Instant now) {
		if (previous.kind != TaskKind.WORK_ITEM) {
			throw new RuleViolation(null, "workitem.next.not-a-work-item");
		}
		Task task = set(TaskKind.WORK_ITEM, data, authorId, now);
		task.previousId = previous.id();
		task.chainId = previous.chainId();
		return task;
	}

	void update(TaskData data, Instant now) {
		long executorBefore = executorId;
		apply(data);
		if (executorBefore != executorId) {
			handedTo(executorId);
		}
		updatedAt = now;
	}

	private void apply(TaskData data) {
		title = data.title();
		description = data.description();
		executorId = data.executorId();
		priority = data.priority();
		dueOn = data.dueOn();
		Instant due = data.dueTime() == null || data.dueOn() == null ? null
				: data.dueOn().atTime(data.dueTime()).atZone(data.zone()).toInstant();
		if (!java.util.Objects.equals(due, dueAt) || !java.util.Objects.equals(data.remindAt(), remindAt)) {
			remindedAt = null;
		}
		dueAt = due;
		remindAt = data.remindAt();
		clientId = data.clientId();
		contactId = data.contactId();
		dealId = data.dealId();
		spentMinutes = data.spentMinutes();
	}

	/**
	 * The executor opens it: a new one stops asking for attention, and when it was first
	 * opened is kept. Others opening it change nothing.
	 * @return whether this changed the task
	 */
	boolean open(long readerId, Instant now) {
		if (readerId != executorId || state != TaskState.NEW) {
			return false;
		}
		state = TaskState.IN_PROGRESS;
		if (firstOpenedAt == null) {
			firstOpenedAt = now;
		}
		return true;
	}

	void complete(@Nullable String result, @Nullable Integer spentMinutes, long actorId, Instant now) {
		if (!state.open()) {
			throw new RuleViolation(null, "task.complete.already-done");
		}
		if (result != null) {
			this.result = result;
		}
		if (spentMinutes != null) {
			this.spentMinutes = spentMinutes;
		}
		state = TaskState.DONE;
		doneAt = now;
		doneBy = actorId;
		updatedAt = now;
	}

	void reopen(Instant now) {
		if (state.open()) {
			throw new RuleViolation(null, "task.reopen.not-done");
		}
		state = TaskState.IN_PROGRESS;
		doneAt = null;
		doneBy = null;
		updatedAt = now;
	}

	/** Moves the deadline to another day, keeping its time of day. */
	void reschedule(LocalDate day, ZoneId zone, Instant now) {
		LocalTime time = dueTime(zone);
		dueOn = day;
		dueAt = time == null ? null : day.atTime(time).atZone(zone).toInstant();
		remindedAt = null;
		updatedAt = now;
	}

	/**
	 * Moves the deadline to another moment (dragged in the calendar); the reminder moves
	 * by as much, so it keeps its distance to the deadline.
	 */
	void moveTo(Instant due, ZoneId zone, Instant now) {
		if (remindAt != null && dueAt != null) {
			remindAt = remindAt.plus(java.time.Duration.between(dueAt, due));
		}
		dueAt = due;
		dueOn = due.atZone(zone).toLocalDate();
		remindedAt = null;
		updatedAt = now;
	}

	/** Gives the open task to another executor, for whom it is new. */
	void reassign(long to, Instant now) {
		if (to == executorId) {
			return;
		}
		executorId = to;
		handedTo(to);
		updatedAt = now;
	}

	private void handedTo(long to) {
		if (state == TaskState.IN_PROGRESS && to != authorId) {
			state = TaskState.NEW;
		}
		else if (state == TaskState.NEW && to == authorId) {
			state = TaskState.IN_PROGRESS;
		}
	}

	void moveToRecycleBin(long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
	}

	void restore(Instant now) {
		deletedAt = null;
		deletedBy = null;
		updatedAt = now;
	}

	public @Nullable LocalTime dueTime(ZoneId zone) {
		return dueAt == null ? null : dueAt.atZone(zone).toLocalTime();
	}

	public TaskKind kind() {
		return kind;
	}

	public String title() {
		return title;
	}

	public @Nullable String description() {
		return description;
	}

	public long executorId() {
		return executorId;
	}

	public long authorId() {
		return authorId;
	}

	public TaskState state() {
		return state;
	}

	public TaskPriority priority() {
		return priority;
	}

	public @Nullable LocalDate dueOn() {
		return dueOn;
	}

	public @Nullable Instant dueAt() {
		return dueAt;
	}

	public @Nullable Instant remindAt() {
		return remindAt;
	}

	public @Nullable Long clientId() {
		return clientId;
	}

	public @Nullable Long contactId() {
		return contactId;
	}

	public @Nullable Long dealId() {
		return dealId;
	}

	public @Nullable Long previousId() {
		return previousId;
	}

	/** The first step of its chain: its own id when it is the first. */
	public long chainId() {
		return chainId != null ? chainId : id();
	}

	public @Nullable Instant firstOpenedAt() {
		return firstOpenedAt;
	}

	public @Nullable String result() {
		return result;
	}

	public int spentMinutes() {
		return spentMinutes;
	}

	public @Nullable Instant doneAt() {
		return doneAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	public @Nullable Instant deletedAt() {
		return deletedAt;
	}

}
