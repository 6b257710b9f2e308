package io.clientele.reports.web;

import java.util.List;

import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/** The reports in the sidebar. */
@Component
class ReportNavigation implements NavigationContributor {

	@Override
	public List<NavigationEntry> navigation() {
		return List
			.of(new NavigationEntry(NavigationEntry.MAIN, "nav.funnel", "/reports/funnel", "chart-funnel", 40, null));
	}

}
