package io.clientele.activities.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.clientele.activities.TaskCard;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskState;
import org.jspecify.annotations.Nullable;

/**
 * A task or work item as the API answers it.
 *
 * @param dueTime the deadline's time of day in the installation's time zone, when it has
 * one
 * @param dueAt the same deadline as an instant
 * @param chainId the first step of its work item chain (its own id for a first step)
 */
record TaskJson(long id, long version, TaskKind kind, String title, @Nullable String description, long executorId,
		String executorName, long authorId, String authorName, TaskState state, TaskPriority priority,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable Instant dueAt, @Nullable Instant remindAt,
		@Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId, @Nullable Long previousId,
		long chainId, @Nullable Instant firstOpenedAt, @Nullable String result, int spentMinutes,
		@Nullable Instant doneAt, Instant createdAt, Instant updatedAt) {

	static TaskJson of(TaskCard card) {
		return new TaskJson(card.id(), card.version(), card.kind(), card.title(), card.description(), card.executorId(),
				card.executorName(), card.authorId(), card.authorName(), card.state(), card.priority(), card.dueOn(),
				card.dueTime(), card.dueAt(), card.remindAt(), card.clientId(), card.contactId(), card.dealId(),
				card.previousId(), card.chainId(), card.firstOpenedAt(), card.result(), card.spentMinutes(),
				card.doneAt(), card.createdAt(), card.updatedAt());
	}

}
