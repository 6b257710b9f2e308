package io.clientele.shared.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.shared.security.ClienteleUserDetails;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The sidebar of a signed-in user: every module's entries they may see, by section.
 */
@Component
public class Navigation {

	private final List<NavigationContributor> contributors;

	Navigation(List<NavigationContributor> contributors) {
		this.contributors = contributors;
	}

	public Map<String, List<NavigationEntry>> sectionsFor(Authentication authentication) {
		ClienteleUserDetails user = (ClienteleUserDetails) authentication.getPrincipal();
		List<NavigationEntry> entries = contributors.stream()
			.flatMap(contributor -> contributor.navigation(user).stream())
			.sorted(Comparator.comparing(NavigationEntry::section).thenComparingInt(NavigationEntry::order))
			.toList();
		Map<String, List<NavigationEntry>> sections = new LinkedHashMap<>();
		sections.put(NavigationEntry.MAIN, new java.util.ArrayList<>());
		sections.put(NavigationEntry.ADMINISTRATION, new java.util.ArrayList<>());
		entries.stream()
			.filter(entry -> entry.role() == null || authentication.getAuthorities()
				.stream()
				.anyMatch(authority -> authority.getAuthority().equals("ROLE_" + entry.role())))
			.forEach(entry -> sections.computeIfAbsent(entry.section(), key -> new java.util.ArrayList<>()).add(entry));
		sections.values().removeIf(List::isEmpty);
		return sections;
	}

}
