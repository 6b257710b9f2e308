package io.clientele.deals.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.views.SavedViews;
import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * The deal board and the deals in the sidebar, with the user's saved views under them;
 * sales settings.
 */
@Component
class DealNavigation implements NavigationContributor {

	private final SavedViews views;

	DealNavigation(SavedViews views) {
		this.views = views;
	}

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(
				new NavigationEntry(NavigationEntry.MAIN, "nav.board", "/deals/board", "layout-kanban", 19, null),
				new NavigationEntry(NavigationEntry.MAIN, "nav.deals", "/deals", "briefcase", 20, null),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.scenarios", "/admin/scenarios", "route", 35,
						"ADMINISTRATOR"));
	}

	@Override
	public List<NavigationEntry> navigation(ClienteleUserDetails user) {
		List<NavigationEntry> entries = new ArrayList<>(navigation());
		if (user instanceof CurrentUser current) {
			int order = 21;
			for (var view : views.visibleTo(DealPages.LIST, current.id(), current.departmentId())) {
				entries.add(new NavigationEntry(NavigationEntry.MAIN, view.name(), "/deals?view=" + view.id(), "star",
						order++, null, true, true));
			}
		}
		return entries;
	}

}
