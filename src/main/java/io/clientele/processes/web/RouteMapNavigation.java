package io.clientele.processes.web;

import java.util.List;

import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/** Route maps in the administration section. */
@Component
class RouteMapNavigation implements NavigationContributor {

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.route-maps", "/admin/route-maps",
				"git-fork", 36, "ADMINISTRATOR"));
	}

}
