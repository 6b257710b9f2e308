package io.clientele.activities.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.clientele.activities.TaskDraft;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import org.jspecify.annotations.Nullable;

/**
 * A task as the API takes it for creating or replacing. The state changes through its own
 * calls (complete, reopen); {@code kind} only says what a new task is.
 *
 * @param executorId null for the caller (a new task) or the current executor
 * @param dueTime a time of day (the installation's time zone) on {@code dueOn}
 * @param version the version read, for a replacement
 */
record TaskWrite(@Nullable TaskKind kind, @Nullable String title, @Nullable String description,
		@Nullable Long executorId, @Nullable LocalDate dueOn, @Nullable LocalTime dueTime,
		@Nullable TaskPriority priority, @Nullable Instant remindAt, @Nullable Long clientId, @Nullable Long contactId,
		@Nullable Long dealId, @Nullable Integer spentMinutes, @Nullable Long version) {

	TaskDraft draft() {
		return new TaskDraft(kind, title == null ? "" : title, description, executorId, dueOn, dueTime, priority,
				remindAt, clientId, contactId, dealId, spentMinutes == null ? 0 : spentMinutes);
	}

}
