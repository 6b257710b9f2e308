package io.clientele.clients.web;

import io.clientele.clients.Search;
import io.clientele.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The top-bar search: suggestions as the user types, and a page with more of each kind
 * when they press Enter.
 */
@Controller
class SearchPages {

	private final Search search;

	SearchPages(Search search) {
		this.search = search;
	}

	@GetMapping("/search/suggest")
	String suggest(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("results", search.find(q, 5, user));
		model.addAttribute("minLength", Search.MIN_LENGTH);
		return "search :: suggestions";
	}

	@GetMapping("/search")
	String page(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("results", search.find(q, 30, user));
		model.addAttribute("minLength", Search.MIN_LENGTH);
		return "search";
	}

}
