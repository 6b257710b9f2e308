package io.clientele.shared.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The sidebar of a signed-in user: every module's entries they may see, by section.
 */
@Component
public class Navigation {

	private final List<NavigationEntry> entries;

	Navigation(List<NavigationContributor> contributors) {
		this.entries = contributors.stream()
			.flatMap(contributor -> contributor.navigation().stream())
			.sorted(Comparator.comparing(NavigationEntry::section).thenComparingInt(NavigationEntry::order))
			.toList();
	}

	public Map<String, List<NavigationEntry>> sectionsFor(Authentication authentication) {
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
