package io.clientele.processes.web;

import java.util.List;

import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/**
 * Route maps in the administration section; the monitoring of running processes for heads
 * and administrators.
 */
@Component
class RouteMapNavigation implements NavigationContributor {

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(
				new NavigationEntry(NavigationEntry.ADMINISTRATION, "nav.route-maps", "/admin/route-maps", "git-fork",
						36, "ADMINISTRATOR"),
				new NavigationEntry(NavigationEntry.MAIN, "nav.process-monitoring", "/processes/monitoring",
						"activity-heartbeat", 17, "HEAD_OF_DEPARTMENT"),
				new NavigationEntry(NavigationEntry.MAIN, "nav.process-monitoring", "/processes/monitoring",
						"activity-heartbeat", 17, "ADMINISTRATOR"));
	}

}
