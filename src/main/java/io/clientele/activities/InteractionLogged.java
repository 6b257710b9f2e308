package io.clientele.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An interaction was logged or planned (reminders, the calendar and reports listen).
 *
 * @param followsId the interaction whose completion planned it, if any
 */
public record InteractionLogged(long id, InteractionKind kind, InteractionState state, Instant at, long clientId,
		@Nullable Long dealId, long responsibleId, @Nullable Long followsId) {
}
