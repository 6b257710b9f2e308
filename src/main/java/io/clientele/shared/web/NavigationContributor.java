package io.clientele.shared.web;

import java.util.List;

import io.clientele.shared.security.ClienteleUserDetails;

/**
 * A module adds its pages to the sidebar by declaring a bean of this type; a section
 * appears only when some module provides it.
 */
public interface NavigationContributor {

	List<NavigationEntry> navigation();

	/**
	 * The entries for one user: those of {@link #navigation()} and any that depend on the
	 * user.
	 */
	default List<NavigationEntry> navigation(ClienteleUserDetails user) {
		return navigation();
	}

}
