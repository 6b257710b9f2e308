package io.clientele.deals.spi;

import io.clientele.identity.CurrentUser;
import io.clientele.shared.web.PagePanel;
import org.jspecify.annotations.Nullable;

/**
 * A section another module adds to the deal card (its interactions and timeline),
 * rendered from that module's own template fragment. The deal card has checked that the
 * reader may see the deal.
 */
public interface DealPanel {

	/** The section for this deal of this client and reader, or null to show nothing. */
	@Nullable PagePanel section(long dealId, long clientId, CurrentUser reader);

}
