package io.clientele.clients.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.clientele.clients.LeadIntake;
import io.clientele.clients.internal.LeadDistribution;
import io.clientele.identity.UserDirectory;
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
 * The administrator's lead settings: the website forms with their secrets, and how each
 * department shares out its new leads.
 */
@Controller
@RequestMapping("/admin/leads")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class LeadSettingsPages {

	private final LeadIntake intake;

	private final LeadDistribution distribution;

	private final UserDirectory users;

	LeadSettingsPages(LeadIntake intake, LeadDistribution distribution, UserDirectory users) {
		this.intake = intake;
		this.distribution = distribution;
		this.users = users;
	}

	@GetMapping
	String page(Model model) {
		Map<Long, String> departments = new LinkedHashMap<>();
		Map<Long, Boolean> roundRobin = new LinkedHashMap<>();
		for (var department : users.departments()) {
			departments.put(department.id(), department.name());
			roundRobin.put(department.id(), distribution.roundRobin(department.id()));
		}
		model.addAttribute("forms", intake.forms());
		model.addAttribute("departments", departments);
		model.addAttribute("roundRobin", roundRobin);
		return "admin/leads";
	}

	@PostMapping("/forms")
	String createForm(@RequestParam String name, @RequestParam long departmentId,
			@RequestParam(required = false) @Nullable String channel, RedirectAttributes redirect) {
		try {
			LeadIntake.NewForm form = intake.createForm(name, departmentId, channel);
			redirect.addFlashAttribute("secret", form.secret());
			redirect.addFlashAttribute("secretFor", name);
		}
		catch (RuleViolation violation) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:/admin/leads";
	}

	@PostMapping("/forms/{id}/renew")
	String renew(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		redirect.addFlashAttribute("secret", intake.renewSecret(id));
		redirect.addFlashAttribute("secretFor", name);
		return "redirect:/admin/leads";
	}

	@PostMapping("/forms/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		intake.deactivate(id);
		redirect.addFlashAttribute("notice", "lead-settings.saved");
		return "redirect:/admin/leads";
	}

	@PostMapping("/distribution/{departmentId}")
	String distribution(@PathVariable long departmentId, @RequestParam(defaultValue = "false") boolean roundRobin,
			RedirectAttributes redirect) {
		distribution.setRoundRobin(departmentId, roundRobin);
		redirect.addFlashAttribute("notice", "lead-settings.saved");
		return "redirect:/admin/leads";
	}

}
