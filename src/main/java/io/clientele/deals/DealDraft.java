package io.clientele.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a user fills in to open or edit a deal. Stage, state and mode change through their
 * own actions, never through an edit; the stage here is only where a new deal starts.
 *
 * @param stageId the stage a new deal starts in; null for the scenario's first
 * @param amount ignored when the deal has lines: then it is their total
 * @param probability null for the stage's default
 * @param responsibleId null keeps the current one (the creator for a new deal)
 */
public record DealDraft(long clientId, @Nullable Long contactId, String subject, @Nullable String description,
		@Nullable String kind, long scenarioId, @Nullable Long stageId, @Nullable DealMode mode,
		@Nullable BigDecimal amount, @Nullable String currency, @Nullable Integer probability,
		@Nullable LocalDate expectedClose, @Nullable String channel, @Nullable Long responsibleId,
		List<Long> coExecutorIds, List<String> tags, List<DealLine> lines, Map<String, ?> custom) {

	public DealDraft {
		coExecutorIds = coExecutorIds == null ? List.of() : List.copyOf(coExecutorIds);
		tags = tags == null ? List.of() : List.copyOf(tags);
		lines = lines == null ? List.of() : List.copyOf(lines);
		custom = custom == null ? Map.of() : custom;
	}

	/** The deal as it is, with another probability: what accepting an estimate saves. */
	public static DealDraft of(DealCard card, int probability) {
		return new DealDraft(card.clientId(), card.contactId(), card.subject(), card.description(), card.kind(),
				card.scenarioId(), card.stageId(), card.mode(), card.amount(), card.currency(), probability,
				card.expectedClose(), card.channel(), card.responsibleId(), List.copyOf(card.coExecutors().keySet()),
				card.tags(), card.lines(), card.custom());
	}

}
