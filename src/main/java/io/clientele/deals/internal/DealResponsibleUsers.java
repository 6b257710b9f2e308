package io.clientele.deals.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.clientele.audit.spi.ResponsibleUsers;
import io.clientele.deals.DealService;
import org.springframework.stereotype.Component;

/**
 * Whose a deal is, for the history's "acted for": its responsible manager, then its
 * co-executors (who see it as theirs, {@link io.clientele.deals.DealVisibility}).
 */
@Component
class DealResponsibleUsers implements ResponsibleUsers {

	private final DealRepository deals;

	DealResponsibleUsers(DealRepository deals) {
		this.deals = deals;
	}

	@Override
	public Set<String> recordTypes() {
		return Set.of(DealService.RECORD_TYPE);
	}

	@Override
	public List<Long> of(String recordType, long recordId) {
		return deals.findById(recordId).map(deal -> {
			List<Long> people = new ArrayList<>(List.of(deal.responsibleId()));
			people.addAll(deal.coExecutorIds());
			return people;
		}).orElse(List.of());
	}

}
