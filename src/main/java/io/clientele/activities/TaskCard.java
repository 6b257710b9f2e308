package io.clientele.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A task or work item as its card shows it, with the names of the people and records it
 * points at.
 *
 * @param dueAt the deadline's instant when it has a time, else null
 * @param chainId the first step of the work item chain it belongs to (its own id for a
 * first step or a plain task)
 * @param firstOpenedAt when its executor first opened it; null while it is new
 */
public record TaskCard(long id, long version, TaskKind kind, String title, @Nullable String description,
		long executorId, String executorName, long authorId, String authorName, TaskState state, TaskPriority priority,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable Instant dueAt, @Nullable Instant remindAt,
		@Nullable Long clientId, @Nullable String clientName, @Nullable Long contactId, @Nullable String contactName,
		@Nullable Long dealId, @Nullable String dealSubject, @Nullable Long previousId, long chainId,
		@Nullable Instant firstOpenedAt, @Nullable String result, int spentMinutes, @Nullable Instant doneAt,
		Instant createdAt, Instant updatedAt) {

	public boolean workItem() {
		return kind == TaskKind.WORK_ITEM;
	}

	/** Whether its executor has not opened it yet. */
	public boolean attention() {
		return state == TaskState.NEW;
	}

	/** Whether it is open and past its deadline at {@code now}, on {@code today}. */
	public boolean overdue(Instant now, LocalDate today) {
		if (!state.open() || dueOn == null) {
			return false;
		}
		return dueAt != null ? dueAt.isBefore(now) : dueOn.isBefore(today);
	}

}
