package io.clientele.deals.internal;

import java.util.List;
import java.util.Map;

import io.clientele.clients.LeadCard;
import io.clientele.clients.spi.LeadFollowUp;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A converted lead opens a deal for its client in the first scenario, at its first stage,
 * for the lead's manager, with the lead's channel.
 */
@Component
class DealLeadFollowUp implements LeadFollowUp {

	private final DealService deals;

	private final SalesScenarios scenarios;

	private final EntityManager entities;

	DealLeadFollowUp(DealService deals, SalesScenarios scenarios, EntityManager entities) {
		this.deals = deals;
		this.scenarios = scenarios;
		this.entities = entities;
	}

	@Override
	public @Nullable Long open(LeadCard lead, long clientId, @Nullable Long contactId, String subject,
			CurrentUser actor) {
		var scenario = scenarios.active()
			.stream()
			.findFirst()
			.orElseThrow(() -> new RuleViolation(null, "deal.scenario-none"));
		// the client and contact person were just made in this transaction; the deal's
		// checks read them with SQL
		entities.flush();
		return deals.create(
				new DealDraft(clientId, contactId, subject, lead.message(), null, scenario.id(), null, null, null, null,
						null, null, lead.channel(), lead.responsibleId(), List.of(), List.of(), List.of(), Map.of()),
				lead.id(), actor);
	}

}
