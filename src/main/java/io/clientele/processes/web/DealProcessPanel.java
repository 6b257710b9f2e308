package io.clientele.processes.web;

import java.util.Map;

import io.clientele.deals.spi.DealPanel;
import io.clientele.identity.CurrentUser;
import io.clientele.processes.DealProcesses;
import io.clientele.shared.web.PagePanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The deal's process on the deal card: its map with the current actions highlighted, its
 * open actions and the steps done (who and when). Nothing for a deal that never had one.
 */
@Component
class DealProcessPanel implements DealPanel {

	/** Before the timeline (90). */
	static final int ORDER = 20;

	private final DealProcesses processes;

	DealProcessPanel(DealProcesses processes) {
		this.processes = processes;
	}

	@Override
	public @Nullable PagePanel section(long dealId, long clientId, CurrentUser reader) {
		return processes.of(dealId)
			.map(view -> new PagePanel("processes/panels", "dealProcess", ORDER,
					Map.of("process", view, "dealId", dealId)))
			.orElse(null);
	}

}
