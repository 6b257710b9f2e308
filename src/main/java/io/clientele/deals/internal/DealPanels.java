package io.clientele.deals.internal;

import java.util.Map;

import io.clientele.clients.spi.ClientPanel;
import io.clientele.deals.DealQueries;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.web.PagePanel;
import io.clientele.shared.web.StartPagePanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The deals sections of other pages: the client's deals on the client card, the user's
 * open and stalled deals on the start page.
 */
@Component
class DealPanels implements ClientPanel, StartPagePanel {

	private final DealQueries queries;

	DealPanels(DealQueries queries) {
		this.queries = queries;
	}

	@Override
	public PagePanel section(long clientId, CurrentUser reader) {
		return new PagePanel("deals/panels", "clientDeals", 10,
				Map.of("clientId", clientId, "deals", queries.ofClient(clientId, reader)));
	}

	@Override
	public @Nullable PagePanel panel(ClienteleUserDetails user) {
		if (!(user instanceof CurrentUser reader)) {
			return null;
		}
		var open = queries.openOf(reader);
		return new PagePanel("deals/panels", "myDeals", 10,
				Map.of("deals", open, "stalled", open.stream().filter(DealQueries.Row::stalled).count()));
	}

}
