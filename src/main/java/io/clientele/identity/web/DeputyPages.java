package io.clientele.identity.web;

import java.time.LocalDate;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Deputies;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Delegation while absent ({@link Deputies}): a user names their deputy for a period and
 * sees who stands in for them and for whom they stand in, now and later, and ends a
 * deputyship; an administrator does the same for any user, from the user's page.
 */
@Controller
class DeputyPages {

	private static final String OWN = "/account/deputies";

	private final Deputies deputies;

	private final UserDirectory users;

	DeputyPages(Deputies deputies, UserDirectory users) {
		this.deputies = deputies;
		this.users = users;
	}

	record DeputyForm(@Nullable Long deputyId,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn) {
	}

	@GetMapping(OWN)
	String mine(@AuthenticationPrincipal CurrentUser me, Model model) {
		return page(subject(me.id()), OWN, true, model);
	}

	@PostMapping(OWN)
	String nameMine(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") DeputyForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		return name(subject(me.id()), OWN, true, form, errors, me, model, redirect);
	}

	@PostMapping(OWN + "/{id}/end")
	String endMine(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		deputies.end(id, me);
		redirect.addFlashAttribute("notice", "deputies.ended");
		return "redirect:" + OWN;
	}

	@GetMapping("/admin/users/{userId}/deputies")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String ofUser(@PathVariable long userId, Model model) {
		return page(subject(userId), administered(userId), false, model);
	}

	@PostMapping("/admin/users/{userId}/deputies")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String nameForUser(@PathVariable long userId, @ModelAttribute("form") DeputyForm form, BindingResult errors,
			@AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
		return name(subject(userId), administered(userId), false, form, errors, me, model, redirect);
	}

	@PostMapping("/admin/users/{userId}/deputies/{id}/end")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String endForUser(@PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		deputies.end(id, me);
		redirect.addFlashAttribute("notice", "deputies.ended");
		return "redirect:" + administered(userId);
	}

	private String name(UserSummary subject, String base, boolean own, DeputyForm form, BindingResult errors,
			CurrentUser me, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				deputies.name(subject.id(), form.deputyId(), form.startsOn(), form.endsOn(), me);
				redirect.addFlashAttribute("notice", "deputies.named");
				return "redirect:" + base;
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		return page(subject, base, own, model);
	}

	private String page(UserSummary subject, String base, boolean own, Model model) {
		LocalDate today = deputies.today();
		List<Deputies.Deputy> around = deputies.around(subject.id());
		model.addAttribute("subject", subject);
		model.addAttribute("base", base);
		model.addAttribute("own", own);
		model.addAttribute("today", today);
		model.addAttribute("standIns", around.stream().filter(d -> d.userId() == subject.id()).toList());
		model.addAttribute("standingFor", around.stream().filter(d -> d.deputyId() == subject.id()).toList());
		model.addAttribute("people", users.all().stream().filter(u -> u.active() && u.id() != subject.id()).toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new DeputyForm(null, today, null));
		}
		return "identity/deputies";
	}

	private UserSummary subject(long userId) {
		return users.find(userId).orElseThrow(() -> new RecordNotFound("User", userId));
	}

	private static String administered(long userId) {
		return "/admin/users/" + userId + "/deputies";
	}

}
