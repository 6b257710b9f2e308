package io.clientele.shared.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.shared.security.ClienteleUserDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sidebar of a signed-in user: every module's entries they may see, by section. The
 * modules read what their entries need (saved views, counters) in one read-only
 * transaction: one connection and one commit for the sidebar instead of one per module.
 */
@Component
public class Navigation {

	private final List<NavigationContributor> contributors;

	private final TransactionTemplate readOnly;

	Navigation(List<NavigationContributor> contributors, PlatformTransactionManager transactions) {
		this.contributors = contributors;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	public Map<String, List<NavigationEntry>> sectionsFor(Authentication authentication) {
		ClienteleUserDetails user = (ClienteleUserDetails) authentication.getPrincipal();
		List<NavigationEntry> entries = readOnly.execute(tx -> contributors.stream()
			.flatMap(contributor -> contributor.navigation(user).stream())
			.sorted(Comparator.comparing(NavigationEntry::section).thenComparingInt(NavigationEntry::order))
			.toList());
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

	/**
	 * The one entry the page at {@code path} belongs to: the entry whose page is the
	 * longest prefix of the path, whole segments only ({@code /deals/board} belongs to
	 * the board, not to the deals under {@code /deals}); saved views under a list are
	 * never it.
	 */
	public static @Nullable NavigationEntry current(Map<String, List<NavigationEntry>> sections, String path) {
		NavigationEntry best = null;
		int longest = -1;
		for (List<NavigationEntry> entries : sections.values()) {
			for (NavigationEntry entry : entries) {
				String page = entry.href().contains("?") ? entry.href().substring(0, entry.href().indexOf('?'))
						: entry.href();
				boolean matches = page.equals("/") ? path.equals("/")
						: path.equals(page) || path.startsWith(page.endsWith("/") ? page : page + "/");
				if (!entry.nested() && matches && page.length() > longest) {
					best = entry;
					longest = page.length();
				}
			}
		}
		return best;
	}

}
