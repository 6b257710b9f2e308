package io.clientele.deals.web;

import io.clientele.deals.SalesScenarios;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's sales settings: scenarios with their stages and checklists, and the
 * loss reasons.
 */
@Controller
@RequestMapping("/admin/scenarios")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ScenarioSettingsPages {

	private static final String BACK = "redirect:/admin/scenarios";

	private final SalesScenarios scenarios;

	ScenarioSettingsPages(SalesScenarios scenarios) {
		this.scenarios = scenarios;
	}

	@GetMapping
	String page(@RequestParam(required = false) @Nullable Long scenario, Model model) {
		var all = scenarios.all();
		model.addAttribute("scenarios", all);
		model.addAttribute("current",
				all.stream()
					.filter(s -> scenario == null || s.id() == scenario)
					.findFirst()
					.orElseThrow(() -> new RecordNotFound("Scenario", scenario)));
		model.addAttribute("reasons", scenarios.lossReasons());
		model.addAttribute("routeMaps", scenarios.routeMapChoices());
		return "admin/scenarios";
	}

	@PostMapping
	String create(@RequestParam String name, RedirectAttributes redirect) {
		return act(redirect, () -> {
			long id = scenarios.createScenario(name);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam String name,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.updateScenario(id, name, active);
			return BACK + "?scenario=" + id;
		});
	}

	/** The route map the scenario's process-controlled deals follow (blank: none). */
	@PostMapping("/{id}/route-map")
	String routeMap(@PathVariable long id, @RequestParam(defaultValue = "") String routeMapKey,
			RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.assignRouteMap(id, routeMapKey);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}/stages")
	String addStage(@PathVariable long id, @RequestParam String name, @RequestParam int probability,
			@RequestParam(required = false) @Nullable Integer maxDays, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.addStage(id, name, probability, maxDays);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}/stages/{stageId}")
	String updateStage(@PathVariable long id, @PathVariable long stageId, @RequestParam String name,
			@RequestParam int probability, @RequestParam(required = false) @Nullable Integer maxDays,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.updateStage(stageId, name, probability, maxDays, active);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}/stages/{stageId}/move")
	String moveStage(@PathVariable long id, @PathVariable long stageId, @RequestParam boolean up,
			RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.moveStage(stageId, up);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}/stages/{stageId}/checklist")
	String addItem(@PathVariable long id, @PathVariable long stageId, @RequestParam String text,
			@RequestParam(defaultValue = "false") boolean optional, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.addChecklistItem(stageId, text, optional);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/{id}/checklist/{itemId}/remove")
	String removeItem(@PathVariable long id, @PathVariable long itemId, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.removeChecklistItem(itemId);
			return BACK + "?scenario=" + id;
		});
	}

	@PostMapping("/loss-reasons")
	String addReason(@RequestParam String name, RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.addLossReason(name);
			return BACK;
		});
	}

	@PostMapping("/loss-reasons/{id}")
	String reasonActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		return act(redirect, () -> {
			scenarios.setLossReasonActive(id, active);
			return BACK;
		});
	}

	private String act(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			String back = action.get();
			redirect.addFlashAttribute("notice", "scenarios.saved");
			return back;
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
			redirect.addFlashAttribute("failureArgs", violation.arguments());
			return BACK;
		}
	}

}
