package io.clientele.shared.web;

import java.util.List;

/**
 * A module adds its pages to the sidebar by declaring a bean of this type; a section
 * appears only when some module provides it.
 */
public interface NavigationContributor {

	List<NavigationEntry> navigation();

}
