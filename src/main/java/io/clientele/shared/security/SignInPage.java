package io.clientele.shared.security;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form. The reasons for a refusal come from {@link SignInOutcomes.Failure}.
 */
@Controller
class SignInPage {

	@GetMapping("/login")
	String signIn(@Nullable Authentication authentication, @Nullable HttpSession session, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (session != null) {
			Object username = session.getAttribute(SignInOutcomes.LAST_USERNAME);
			model.addAttribute("username", username == null ? "" : username);
			session.removeAttribute(SignInOutcomes.LAST_USERNAME);
		}
		return "sign-in";
	}

}
