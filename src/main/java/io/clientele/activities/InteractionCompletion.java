package io.clientele.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What is known once a planned interaction is done.
 *
 * @param doneAt when; null for now
 * @param callResult and {@code durationSeconds}: for a call only
 */
public record InteractionCompletion(@Nullable Instant doneAt, @Nullable String result, @Nullable Integer minutesSpent,
		@Nullable CallResult callResult, @Nullable Integer durationSeconds) {
}
