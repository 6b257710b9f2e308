package io.clientele.shared.web;

import org.jspecify.annotations.Nullable;

/**
 * A link in the sidebar.
 *
 * @param section the sidebar group ({@link #MAIN} or {@link #ADMINISTRATION})
 * @param labelKey message key of the link text
 * @param href path of the page
 * @param icon Tabler icon name without the {@code ti-} prefix
 * @param order position within the section
 * @param role the role needed to see the entry, or null for everyone signed in
 * @param literalLabel whether {@code labelKey} is a text to show as it is (a saved view's
 * name)
 * @param nested whether the entry sits under the one before it (a view under its list)
 * @param badge a count shown beside the link (open tasks), or null for none
 * @param badgeTopic the live event (see {@code static/js/live.js}) at which open pages
 * fetch the badge again from {@code href + "/badge"} (rendered by the fragment
 * {@code fragments :: navBadge}), or null when it changes only with the page
 */
public record NavigationEntry(String section, String labelKey, String href, String icon, int order,
		@Nullable String role, boolean literalLabel, boolean nested, @Nullable Long badge,
		@Nullable String badgeTopic) {

	public NavigationEntry(String section, String labelKey, String href, String icon, int order, @Nullable String role,
			boolean literalLabel, boolean nested) {
		this(section, labelKey, href, icon, order, role, literalLabel, nested, null, null);
	}

	public NavigationEntry(String section, String labelKey, String href, String icon, int order,
			@Nullable String role) {
		this(section, labelKey, href, icon, order, role, false, false, null, null);
	}

	public static final String MAIN = "main";

	public static final String ADMINISTRATION = "administration";

}
