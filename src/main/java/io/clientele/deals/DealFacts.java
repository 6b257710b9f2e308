package io.clientele.deals;

import java.util.List;

/**
 * What the system needs of a deal to act on it without a reader (its process assigning an
 * action, moving its stage): no access check, so never shown as it is.
 */
public record DealFacts(long id, String subject, long clientId, long scenarioId, long stageId, DealMode mode,
		DealState state, long responsibleId, List<Long> coExecutorIds) {

	public DealFacts {
		coExecutorIds = List.copyOf(coExecutorIds);
	}

}
