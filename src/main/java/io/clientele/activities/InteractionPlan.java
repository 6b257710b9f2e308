package io.clientele.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The next interaction planned while one is completed ("plan the next one"): the same
 * client, contact person and deal, another kind, time and executor.
 *
 * @param subject null: the completed interaction's subject
 * @param responsibleId null: whoever did the completed one
 */
public record InteractionPlan(InteractionKind kind, Instant at, @Nullable Long responsibleId,
		@Nullable String subject) {
}
