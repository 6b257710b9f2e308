package io.clientele.deals.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealDraft;
import io.clientele.deals.DealLine;
import io.clientele.deals.DealMode;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * A deal as the API takes it for creating or replacing. Stage, state and mode change
 * through their own calls (move, win, lose); {@code stageId} and {@code mode} only say
 * where a new deal starts.
 *
 * @param version the version read, for a replacement
 */
record DealWrite(@Nullable Long clientId, @Nullable Long contactId, @Nullable String subject,
		@Nullable String description, @Nullable String kind, @Nullable Long scenarioId, @Nullable Long stageId,
		@Nullable DealMode mode, @Nullable BigDecimal amount, @Nullable String currency, @Nullable Integer probability,
		@Nullable LocalDate expectedClose, @Nullable String channel, @Nullable Long responsibleId,
		@Nullable List<Long> coExecutorIds, @Nullable List<String> tags, @Nullable List<LineWrite> lines,
		@Nullable Map<String, Object> custom, @Nullable Long version) {

	record LineWrite(@Nullable Long productId, @Nullable String product, @Nullable BigDecimal quantity,
			@Nullable BigDecimal price, @Nullable BigDecimal discount) {
	}

	DealDraft draft() {
		if (clientId == null) {
			throw new RuleViolation("clientId", "deal.client-invalid");
		}
		if (scenarioId == null) {
			throw new RuleViolation("scenarioId", "deal.scenario-invalid");
		}
		return new DealDraft(clientId, contactId, subject == null ? "" : subject, description, kind, scenarioId,
				stageId, mode, amount, currency, probability, expectedClose, channel, responsibleId, coExecutorIds,
				tags,
				lines == null ? List.of()
						: lines.stream()
							.map(line -> new DealLine(line.productId(), line.product() == null ? "" : line.product(),
									line.quantity() == null ? BigDecimal.ONE : line.quantity(),
									line.price() == null ? BigDecimal.ZERO : line.price(),
									line.discount() == null ? BigDecimal.ZERO : line.discount()))
							.toList(),
				custom == null ? Map.of() : custom);
	}

}
