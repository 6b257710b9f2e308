package io.clientele.deals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A deal entered another stage, or was closed (won, lost) or reopened: what the Kanban
 * board's live updates and later triggers listen for. Published in the changing
 * transaction.
 *
 * @param fromStageId the stage it stood in before
 * @param toStageId the stage it stands in now
 * @param state its state now
 */
public record DealStageChanged(long dealId, long scenarioId, long fromStageId, long toStageId, DealState state,
		@Nullable Long actorId, Instant at) {
}
