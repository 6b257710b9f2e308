package io.clientele.activities.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.views.SavedViews;
import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * The interactions in the sidebar, with the user's saved views under them, and the top
 * bar's "+" that logs a call, a meeting or a note from any page.
 */
@Component
class InteractionNavigation implements NavigationContributor {

	/** The top bar's "create" menu. */
	static final String CREATE = "create";

	private final SavedViews views;

	InteractionNavigation(SavedViews views) {
		this.views = views;
	}

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(
				new NavigationEntry(NavigationEntry.MAIN, "nav.interactions", "/interactions", "activity", 25, null),
				new NavigationEntry(CREATE, "nav.create.call", "/interactions/new?kind=CALL", "phone", 1, null),
				new NavigationEntry(CREATE, "nav.create.meeting", "/interactions/new?kind=MEETING&state=PLANNED",
						"users", 2, null),
				new NavigationEntry(CREATE, "nav.create.note", "/interactions/new?kind=NOTE", "note", 3, null));
	}

	@Override
	public List<NavigationEntry> navigation(ClienteleUserDetails user) {
		List<NavigationEntry> entries = new ArrayList<>(navigation());
		if (user instanceof CurrentUser current) {
			int order = 26;
			for (var view : views.visibleTo(InteractionPages.LIST, current.id(), current.departmentId())) {
				entries.add(new NavigationEntry(NavigationEntry.MAIN, view.name(), "/interactions?view=" + view.id(),
						"star", order++, null, true, true));
			}
		}
		return entries;
	}

}
