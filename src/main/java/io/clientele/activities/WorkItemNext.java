package io.clientele.activities;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * The next step of a work item "based on" the current one: the same client, contact
 * person and deal, another executor and dates.
 *
 * @param title null for the current step's title
 * @param completeCurrent whether the current step is closed with {@code result} in the
 * same action
 */
public record WorkItemNext(long executorId, @Nullable String title, @Nullable String description,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable TaskPriority priority,
		boolean completeCurrent, @Nullable String result) {
}
