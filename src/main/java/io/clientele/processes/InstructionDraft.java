package io.clientele.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * An instruction as its author gives it.
 *
 * @param dueOn the deadline's day, or null for none
 * @param dueTime a time on that day (the installation's time zone), or null for the whole
 * day
 * @param remindAt when the executor is reminded, or null
 */
public record InstructionDraft(String title, @Nullable String description, @Nullable Long executorId,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable Instant remindAt, @Nullable Long clientId,
		@Nullable Long contactId, @Nullable Long dealId) {
}
