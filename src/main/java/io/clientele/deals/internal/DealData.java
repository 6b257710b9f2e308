package io.clientele.deals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealLine;
import org.jspecify.annotations.Nullable;

/** A deal's editable data after the rules checked it. */
record DealData(long clientId, @Nullable Long contactId, String subject, @Nullable String description,
		@Nullable String kind, BigDecimal amount, String currency, int probability, @Nullable LocalDate expectedClose,
		@Nullable String channel, long responsibleId, List<Long> coExecutorIds, List<String> tags, List<DealLine> lines,
		Map<String, Object> custom) {
}
