package io.clientele.processes.web;

import java.util.List;
import java.util.Set;

import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.processes.InstructionPage;
import io.clientele.processes.InstructionState;
import io.clientele.processes.Instructions;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Instructions' pages: the lists "given to me" and "given by me" (newest first, by
 * state), the form that gives one (also from a client's or a deal's card), and an
 * instruction's card with its cycle and the buttons of the reader's step. Who may not see
 * an instruction finds no such page.
 */
@Controller
@RequestMapping("/instructions")
class InstructionPages {

	private static final int PAGE = 25;

	private final Instructions instructions;

	private final UserDirectory users;

	private final RecordNames names;

	private final DealQueries deals;

	InstructionPages(Instructions instructions, UserDirectory users, RecordNames names, DealQueries deals) {
		this.instructions = instructions;
		this.users = users;
		this.names = names;
		this.deals = deals;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "RECEIVED") InstructionPage.View view,
			@RequestParam(required = false) @Nullable InstructionState state,
			@RequestParam(required = false) @Nullable Long after, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("view", view);
		model.addAttribute("state", state);
		model.addAttribute("states", InstructionState.values());
		model.addAttribute("page", instructions.page(view, state, after, PAGE, user));
		model.addAttribute("after", after);
		return "processes/instructions";
	}

	@GetMapping("/new")
	String form(@RequestParam(required = false) @Nullable Long clientId,
			@RequestParam(required = false) @Nullable Long dealId, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		InstructionForm form = new InstructionForm();
		form.setDealId(dealId);
		form.setClientId(clientId != null ? clientId : dealId == null ? null : deals.clientOf(dealId).orElse(null));
		model.addAttribute("form", form);
		return formPage(model, user);
	}

	@PostMapping
	String give(@ModelAttribute("form") InstructionForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				long id = instructions.give(form.toDraft(), user);
				redirect.addFlashAttribute("notice", "instruction.given");
				return "redirect:/instructions/" + id;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return formPage(model, user);
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("instruction", instructions.card(id, user));
		return "processes/instruction";
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, user, model, redirect, response, "instruction.accepted", null,
				() -> instructions.accept(id, user));
	}

	@PostMapping("/{id}/report")
	String report(@PathVariable long id, @RequestParam(required = false) @Nullable String text,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, user, model, redirect, response, "instruction.reported", text,
				() -> instructions.report(id, text, user));
	}

	@PostMapping("/{id}/accept-result")
	String acceptResult(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return act(id, user, model, redirect, response, "instruction.done", null,
				() -> instructions.acceptResult(id, user));
	}

	@PostMapping("/{id}/return")
	String returnIt(@PathVariable long id, @RequestParam(required = false) @Nullable String comment,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return act(id, user, model, redirect, response, "instruction.returned", comment,
				() -> instructions.returnWith(id, comment, user));
	}

	private String act(long id, CurrentUser user, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, @Nullable String text, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/instructions/" + id;
		}
		catch (RuleViolation violation) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", violation.messageKey());
			model.addAttribute("failureArgs", violation.arguments());
			model.addAttribute("failureField", violation.field());
			model.addAttribute("text", text);
			return card(id, user, model);
		}
	}

	private String formPage(Model model, CurrentUser user) {
		InstructionForm form = (InstructionForm) model.getAttribute("form");
		model.addAttribute("people", users.activeWithin(new AccessScope(AccessScope.Kind.ALL, user.id(), Set.of())));
		Long clientId = form.getClientId();
		model.addAttribute("clientName",
				clientId == null ? null : names.clients(List.of(clientId)).getOrDefault(clientId, null));
		model.addAttribute("contacts", clientId == null ? java.util.Map.of() : names.contactsOf(clientId));
		Long dealId = form.getDealId();
		model.addAttribute("dealSubject",
				dealId == null ? null : deals.subjects(List.of(dealId)).getOrDefault(dealId, null));
		return "processes/instruction-form";
	}

}
