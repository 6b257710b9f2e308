package io.clientele.identity.web;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.internal.UserAccounts;
import io.clientele.shared.web.PagePanel;
import io.clientele.shared.web.StartPagePanel;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: who is signed in, the sections modules add (open deals), and where they
 * can go from here.
 */
@Controller
class HomePage {

	private final UserAccounts accounts;

	private final List<StartPagePanel> panels;

	HomePage(UserAccounts accounts, List<StartPagePanel> panels) {
		this.accounts = accounts;
		this.panels = panels;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("me", user);
		model.addAttribute("account", accounts.user(user.id()));
		model.addAttribute("panels",
				panels.stream()
					.map(panel -> panel.panel(user))
					.filter(Objects::nonNull)
					.sorted(Comparator.comparingInt(PagePanel::order))
					.toList());
		return "home";
	}

}
