package io.clientele.deals.web;

import java.util.List;

import io.clientele.clients.ClientService;
import io.clientele.deals.DealCard;
import io.clientele.deals.ProbabilityEstimate;
import io.clientele.deals.ProbabilityEstimates;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The estimate beside the probability of the deal form, for what the form says now: the
 * stage chosen on it (a new deal), its client, its responsible manager and its kind.
 */
@Component
class DealFormEstimates {

	private final ProbabilityEstimates estimates;

	private final SalesScenarios scenarios;

	private final ClientService clients;

	private final AccessScopes scopes;

	DealFormEstimates(ProbabilityEstimates estimates, SalesScenarios scenarios, ClientService clients,
			AccessScopes scopes) {
		this.estimates = estimates;
		this.scenarios = scenarios;
		this.clients = clients;
		this.scopes = scopes;
	}

	/**
	 * The active stages a new deal of the scenario may start in; none for an unknown or
	 * inactive scenario.
	 */
	List<SalesScenario.Stage> stages(@Nullable Long scenarioId) {
		if (scenarioId == null) {
			return List.of();
		}
		try {
			SalesScenario scenario = scenarios.scenario(scenarioId);
			return scenario.active() ? scenario.activeStages() : List.of();
		}
		catch (RecordNotFound ex) {
			return List.of();
		}
	}

	/**
	 * The stage a new deal starts in: the one chosen, when it is one of the scenario's,
	 * else the scenario's first, as the deal will be opened.
	 */
	SalesScenario.@Nullable Stage startStage(@Nullable Long scenarioId, @Nullable Long stageId) {
		List<SalesScenario.Stage> stages = stages(scenarioId);
		return stages.stream()
			.filter(stage -> stageId != null && stage.id() == stageId)
			.findFirst()
			.orElse(stages.isEmpty() ? null : stages.get(0));
	}

	/**
	 * The estimate for a deal as the form describes it.
	 * @param deal the deal being edited (its scenario, stage and client stay), or null
	 * for a new one
	 * @param responsibleId the manager chosen on the form; someone the user may not see
	 * is not asked about, the user stands in for them
	 * @throws RecordNotFound for a new deal of a client the user may not see
	 */
	@Nullable ProbabilityEstimate estimate(@Nullable DealCard deal, @Nullable Long clientId, @Nullable Long scenarioId,
			@Nullable Long stageId, @Nullable Long responsibleId, @Nullable String kind, CurrentUser user) {
		if (deal != null) {
			if (!deal.state().open()) {
				return null;
			}
			long manager = responsibleId == null || responsibleId == deal.responsibleId() ? deal.responsibleId()
					: chosen(responsibleId, user);
			return estimates.estimate(deal.scenarioId(), deal.stageId(), deal.clientId(), manager, kind).orElse(null);
		}
		if (clientId == null) {
			return null;
		}
		if (!clients.visible(clientId, user)) {
			throw new RecordNotFound("Client", clientId);
		}
		SalesScenario.Stage stage = startStage(scenarioId, stageId);
		if (stage == null) {
			return null;
		}
		long manager = responsibleId == null ? user.id() : chosen(responsibleId, user);
		return estimates.estimate(stage.scenarioId(), stage.id(), clientId, manager, kind).orElse(null);
	}

	private long chosen(long responsibleId, CurrentUser user) {
		return responsibleId == user.id() || scopes.of(user.id()).covers(responsibleId) ? responsibleId : user.id();
	}

}
