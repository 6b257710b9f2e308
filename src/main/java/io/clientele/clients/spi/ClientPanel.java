package io.clientele.clients.spi;

import io.clientele.identity.CurrentUser;
import io.clientele.shared.web.PagePanel;
import org.jspecify.annotations.Nullable;

/**
 * A section another module adds to the client card (the client's deals), rendered from
 * that module's own template fragment.
 */
public interface ClientPanel {

	/** The section for this client and reader, or null to show nothing. */
	@Nullable PagePanel section(long clientId, CurrentUser reader);

}
