package io.clientele.activities;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A task in a group of "My tasks".
 *
 * @param taskId the task's id, or null for a task of another module ({@link TaskSource}),
 * which cannot be chosen for bulk changes
 * @param sourceKey the message key of another module's kind of task, or null for a task
 * @param attention whether it is new to its executor (not opened yet)
 * @param cursor where "show more" of its group continues after it, or null for a task of
 * another module (these are all shown at once)
 */
public record MyTasksRow(@Nullable Long taskId, long version, String href, String title, @Nullable TaskKind kind,
		TaskState state, TaskPriority priority, @Nullable LocalDate dueOn, @Nullable LocalTime dueTime,
		@Nullable String clientName, @Nullable String dealSubject, long executorId, String executorName,
		@Nullable String sourceKey, boolean attention, @Nullable String cursor) {

	/** Whether it can still be done, chosen or given to someone from the list. */
	public boolean open() {
		return this.taskId != null && this.state != TaskState.DONE;
	}

	public boolean workItem() {
		return this.kind == TaskKind.WORK_ITEM;
	}

	public boolean high() {
		return this.priority == TaskPriority.HIGH;
	}

	/**
	 * The line under the title: the deadline, the client and the deal, each that is
	 * known, joined by " · ". The page gives the deadline's day in the reader's format,
	 * so that the row is one expression of the template rather than six.
	 */
	public String details(String dueDay) {
		StringBuilder line = new StringBuilder(dueDay);
		if (this.dueOn != null && this.dueTime != null) {
			line.append(' ').append(this.dueTime);
		}
		append(line, this.clientName);
		append(line, this.dealSubject);
		return line.toString();
	}

	private static void append(StringBuilder line, @Nullable String part) {
		if (part != null) {
			line.append(line.isEmpty() ? "" : " · ").append(part);
		}
	}
}
