package io.clientele.activities;

import java.util.List;

import io.clientele.identity.CurrentUser;

/**
 * Something that happens on a client or a deal and belongs in its timeline: interactions,
 * stage changes, record changes, tasks. A module adds its entries by declaring a bean of
 * this type; {@link Timeline} merges the sources in one chronological stream, newest
 * first, and pages it by keyset.
 *
 * <p>
 * A source answers from one index range per subject, ordered {@code at desc, id desc},
 * from the window's cursor on, and stops after {@code window.limit()} rows: no offset, no
 * count. The timeline has checked that the reader may see the subject; a source leaves
 * out what the reader may not see of it even so (a client's deal they have no access to).
 */
public interface TimelineSource {

	/**
	 * Tells this source's entries apart from others' in cursors and ties
	 * ({@code interactions}).
	 */
	String key();

	/**
	 * The kinds of entry this source adds, as the timeline's filter offers them (message
	 * key {@code timeline.kind.<kind>}).
	 */
	List<String> kinds();

	/**
	 * Where this source's kinds stand in the timeline's filter, smaller first
	 * (interactions 0, stage changes 100, record changes 1000).
	 */
	default int order() {
		return 0;
	}

	/**
	 * The subject's entries within the window, newest first ({@code at desc, id desc}).
	 */
	List<TimelineEntry> entries(TimelineSubject subject, TimelineWindow window, CurrentUser reader);

}
