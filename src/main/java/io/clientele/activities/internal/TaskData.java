package io.clientele.activities.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import io.clientele.activities.TaskPriority;
import org.jspecify.annotations.Nullable;

/** A task's own data as checked against the rules and the user's rights. */
public record TaskData(String title, @Nullable String description, long executorId, TaskPriority priority,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, ZoneId zone, @Nullable Instant remindAt,
		@Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId, int spentMinutes) {
}
