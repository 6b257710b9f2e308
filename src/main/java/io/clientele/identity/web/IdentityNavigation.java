package io.clientele.identity.web;

import java.util.List;

import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

@Component
class IdentityNavigation implements NavigationContributor {

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(new NavigationEntry(NavigationEntry.MAIN, "nav.home", "/", "home", 0, null),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.departments", "/admin/departments", "sitemap",
						10, "ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.users", "/admin/users", "users", 20,
						"ADMINISTRATOR"));
	}

}
