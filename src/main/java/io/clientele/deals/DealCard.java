package io.clientele.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A deal as its card shows it, with the names of what it points at.
 *
 * @param ticked the checklist items of the current stage that are ticked
 * @param visits every stay in a stage, oldest first
 * @param stalled whether the deal has been longer in its stage than the stage allows
 */
public record DealCard(long id, long version, long clientId, String clientName, @Nullable Long contactId,
		@Nullable String contactName, String subject, @Nullable String description, @Nullable String kind,
		long scenarioId, String scenarioName, long stageId, String stageName, DealMode mode, DealState state,
		@Nullable Long lossReasonId, @Nullable String lossReason, @Nullable String lossNote, BigDecimal amount,
		String currency, int probability, @Nullable LocalDate expectedClose, @Nullable String channel,
		long responsibleId, String responsibleName, Map<Long, String> coExecutors, List<String> tags,
		List<DealLine> lines, Map<String, Object> custom, Set<Long> ticked, List<Visit> visits, Instant stageEnteredAt,
		long daysInStage, boolean stalled, @Nullable Instant closedAt, @Nullable Long leadId, Instant createdAt,
		Instant updatedAt) {

	/** The amount times the probability: what the deal is worth in a forecast. */
	public BigDecimal weighted() {
		return amount.multiply(BigDecimal.valueOf(probability))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

	public BigDecimal linesTotal() {
		return lines.stream().map(DealLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * A stay in a stage.
	 *
	 * @param outcome {@code MOVED}, {@code WON} or {@code LOST}; null while it lasts
	 */
	public record Visit(long stageId, String stageName, Instant enteredAt, @Nullable Instant leftAt,
			@Nullable String outcome) {
	}

}
