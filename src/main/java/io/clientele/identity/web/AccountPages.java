package io.clientele.identity.web;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.identity.internal.UserAccounts;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.Forms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's own account: profile, password, API tokens.
 */
@Controller
class AccountPages {

	private final UserAccounts accounts;

	private final ApiTokens tokens;

	private final SecurityContextRepository contexts;

	AccountPages(UserAccounts accounts, ApiTokens tokens, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.contexts = contexts;
	}

	/**
	 * Length and content of the new password are
	 * {@link io.clientele.identity.internal.PasswordPolicy}'s.
	 */
	record PasswordForm(@NotBlank String currentPassword, @NotBlank String newPassword,
			@NotBlank String repeatPassword) {

		static PasswordForm empty() {
			return new PasswordForm("", "", "");
		}

	}

	record TokenForm(@NotBlank @Size(max = 100) String name) {
	}

	@GetMapping("/account")
	String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("account", accounts.user(user.id()));
		model.addAttribute("me", user);
		return "identity/account";
	}

	@GetMapping("/account/password")
	String passwordForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", PasswordForm.empty());
		model.addAttribute("forced", user.mustChangePassword());
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") PasswordForm form,
			BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		model.addAttribute("forced", user.mustChangePassword());
		if (!errors.hasFieldErrors("newPassword") && !form.newPassword().equals(form.repeatPassword())) {
			errors.rejectValue("repeatPassword", "password.repeat-differs");
		}
		if (errors.hasErrors()) {
			return "identity/password";
		}
		try {
			accounts.changeOwnPassword(user.id(), form.currentPassword(), form.newPassword());
		}
		catch (RuleViolation violation) {
			Forms.reject(errors, violation);
			return "identity/password";
		}
		// The session's user no longer has to change the password.
		var context = SecurityContextHolder.createEmptyContext();
		CurrentUser updated = user.withPasswordChanged();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.of(user.id()));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TokenForm(""));
		}
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String issueToken(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("form") TokenForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				redirect.addFlashAttribute("issued", tokens.issue(user.id(), form.name()));
				return "redirect:/account/tokens";
			}
			catch (RuleViolation violation) {
				Forms.reject(errors, violation);
			}
		}
		model.addAttribute("tokens", tokens.of(user.id()));
		return "identity/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(user.id(), id);
		redirect.addFlashAttribute("notice", "token.revoked");
		return "redirect:/account/tokens";
	}

}
