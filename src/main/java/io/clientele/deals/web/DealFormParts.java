package io.clientele.deals.web;

import io.clientele.deals.DealCard;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenario;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The parts of the deal form that follow what is chosen on it (htmx): the stages of the
 * chosen scenario, and the estimate for the chosen stage, client, manager and kind.
 * Rendered from the form's own template.
 */
@Controller
@RequestMapping("/deals/form")
class DealFormParts {

	private final DealFormEstimates estimates;

	private final DealService deals;

	DealFormParts(DealFormEstimates estimates, DealService deals) {
		this.estimates = estimates;
		this.deals = deals;
	}

	/**
	 * The stage choice of a new deal's scenario (its first stage chosen) and its
	 * estimate.
	 */
	@GetMapping("/stage")
	String stage(@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long scenarioId,
			@RequestParam(required = false) @Nullable Long responsibleId,
			@RequestParam(required = false) @Nullable String kind, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		SalesScenario.Stage first = estimates.startStage(scenarioId, null);
		model.addAttribute("stages", estimates.stages(scenarioId));
		model.addAttribute("stageId", first == null ? null : first.id());
		model.addAttribute("estimate", estimates.estimate(null, clientId, scenarioId, first == null ? null : first.id(),
				responsibleId, kind, user));
		model.addAttribute("oob", true);
		return "deals/form :: stageChoice";
	}

	/** The estimate beside the probability, for the form as it is filled in now. */
	@GetMapping("/estimate")
	String estimate(@RequestParam(required = false) @Nullable Long dealId,
			@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long scenarioId,
			@RequestParam(required = false) @Nullable Long stageId,
			@RequestParam(required = false) @Nullable Long responsibleId,
			@RequestParam(required = false) @Nullable String kind, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		DealCard deal = dealId == null ? null : deals.card(dealId, user);
		model.addAttribute("deal", deal);
		model.addAttribute("estimate",
				estimates.estimate(deal, clientId, scenarioId, stageId, responsibleId, kind, user));
		return "deals/form :: estimate";
	}

}
