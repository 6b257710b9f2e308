package io.clientele.clients.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.views.SavedViews;
import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * Clients in the sidebar, with the user's saved views under them, and duplicates for
 * heads and administrators.
 */
@Component
class ClientNavigation implements NavigationContributor {

	private final SavedViews views;

	ClientNavigation(SavedViews views) {
		this.views = views;
	}

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(new NavigationEntry(NavigationEntry.MAIN, "nav.clients", "/clients", "address-book", 10, null),
				new NavigationEntry(NavigationEntry.MAIN, "nav.leads", "/leads", "inbox", 5, null),
				new NavigationEntry(NavigationEntry.MAIN, "nav.contacts", "/contacts", "users-group", 80, null),
				new NavigationEntry(NavigationEntry.MAIN, "nav.imports", "/imports", "file-import", 85, null),
				new NavigationEntry(NavigationEntry.MAIN, "nav.recycle-bin", "/recycle-bin", "trash", 90, null),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.segments", "/admin/segments", "tags", 30,
						"ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.custom-fields", "/admin/custom-fields",
						"forms", 40, "ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.required-fields", "/admin/required-fields",
						"checklist", 50, "ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.lead-settings", "/admin/leads", "inbox", 55,
						"ADMINISTRATOR"));
	}

	@Override
	public List<NavigationEntry> navigation(ClienteleUserDetails user) {
		List<NavigationEntry> entries = new ArrayList<>(navigation());
		if (user instanceof CurrentUser current
				&& (current.is(Role.ADMINISTRATOR) || current.is(Role.HEAD_OF_DEPARTMENT))) {
			entries.add(new NavigationEntry(NavigationEntry.MAIN, "nav.duplicates", "/duplicates", "copy", 85, null));
		}
		if (user instanceof CurrentUser current) {
			int order = 11;
			for (var view : views.visibleTo(ClientPages.LIST, current.id(), current.departmentId())) {
				entries.add(new NavigationEntry(NavigationEntry.MAIN, view.name(), "/clients?view=" + view.id(), "star",
						order++, null, true, true));
			}
		}
		return entries;
	}

}
