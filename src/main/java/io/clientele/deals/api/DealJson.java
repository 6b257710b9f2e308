package io.clientele.deals.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealCard;
import io.clientele.deals.DealLine;
import org.jspecify.annotations.Nullable;

/** A deal as the API returns it. */
record DealJson(long id, long version, long clientId, String clientName, @Nullable Long contactId, String subject,
		@Nullable String description, @Nullable String kind, long scenarioId, String scenarioName, long stageId,
		String stageName, String mode, String state, @Nullable Long lossReasonId, @Nullable String lossReason,
		@Nullable String lossNote, BigDecimal amount, String currency, int probability, BigDecimal weighted,
		@Nullable LocalDate expectedClose, @Nullable String channel, long responsibleId, List<Long> coExecutorIds,
		List<String> tags, List<Line> lines, Map<String, Object> custom, List<Visit> stageVisits, boolean stalled,
		@Nullable Instant closedAt, Instant createdAt, Instant updatedAt) {

	record Line(@Nullable Long productId, String product, BigDecimal quantity, BigDecimal price, BigDecimal discount,
			BigDecimal total) {

		static Line of(DealLine line) {
			return new Line(line.productId(), line.product(), line.quantity(), line.price(), line.discount(),
					line.total());
		}

	}

	record Visit(long stageId, String stageName, Instant enteredAt, @Nullable Instant leftAt,
			@Nullable String outcome) {
	}

	static DealJson of(DealCard card) {
		return new DealJson(card.id(), card.version(), card.clientId(), card.clientName(), card.contactId(),
				card.subject(), card.description(), card.kind(), card.scenarioId(), card.scenarioName(), card.stageId(),
				card.stageName(), card.mode().name(), card.state().name(), card.lossReasonId(), card.lossReason(),
				card.lossNote(), card.amount(), card.currency(), card.probability(), card.weighted(),
				card.expectedClose(), card.channel(), card.responsibleId(), List.copyOf(card.coExecutors().keySet()),
				card.tags(), card.lines().stream().map(Line::of).toList(), card.custom(),
				card.visits()
					.stream()
					.map(v -> new Visit(v.stageId(), v.stageName(), v.enteredAt(), v.leftAt(), v.outcome()))
					.toList(),
				card.stalled(), card.closedAt(), card.createdAt(), card.updatedAt());
	}

}
