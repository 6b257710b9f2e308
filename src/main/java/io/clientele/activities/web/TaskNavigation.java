package io.clientele.activities.web;

import java.util.ArrayList;
import java.util.List;

import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksChanges;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * "My tasks" in the sidebar with the count of what needs the user now (new, overdue, due
 * today), fetched again when the live stream says it changed; the department's tasks for
 * heads and administrators; handing over for administrators.
 */
@Component
class TaskNavigation implements NavigationContributor {

	private final MyTasks myTasks;

	TaskNavigation(MyTasks myTasks) {
		this.myTasks = myTasks;
	}

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(
				new NavigationEntry(NavigationEntry.MAIN, "nav.team-tasks", "/my-tasks/team", "users-group", 16,
						"HEAD_OF_DEPARTMENT"),
				new NavigationEntry(NavigationEntry.MAIN, "nav.team-tasks", "/my-tasks/team", "users-group", 16,
						"ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.handover", "/admin/handover",
						"arrows-exchange", 12, "ADMINISTRATOR"));
	}

	@Override
	public List<NavigationEntry> navigation(ClienteleUserDetails user) {
		List<NavigationEntry> entries = new ArrayList<>(navigation());
		Long badge = user instanceof CurrentUser ? myTasks.badge(user.id()) : null;
		entries.add(new NavigationEntry(NavigationEntry.MAIN, "nav.my-tasks", "/my-tasks", "checkbox", 15, null, false,
				false, badge, MyTasksChanges.TOPIC));
		return entries;
	}

}
