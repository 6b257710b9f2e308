package io.clientele.identity.web;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.internal.UserAccounts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: who is signed in, and where they can go from here.
 */
@Controller
class HomePage {

	private final UserAccounts accounts;

	HomePage(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("me", user);
		model.addAttribute("account", accounts.user(user.id()));
		return "home";
	}

}
