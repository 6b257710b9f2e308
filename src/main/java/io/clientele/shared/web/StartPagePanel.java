package io.clientele.shared.web;

import io.clientele.shared.security.ClienteleUserDetails;
import org.jspecify.annotations.Nullable;

/**
 * A module adds a section to the start page (the user's open deals) by declaring a bean
 * of this type.
 */
public interface StartPagePanel {

	/** The section for this user, or null to show nothing. */
	@Nullable PagePanel panel(ClienteleUserDetails user);

}
