package io.clientele.activities;

import java.time.Instant;

/**
 * One line of a timeline, rendered by its source's own template fragment.
 *
 * @param source the {@link TimelineSource#key()} of the source that made it
 * @param id its id within the source (the interaction's, the history entry's…)
 * @param at when it happened (or is planned), the timeline's order
 * @param kind one of the source's {@link TimelineSource#kinds()}
 * @param template the template holding the fragment ({@code activities/timeline})
 * @param fragment the fragment's name; it reads the entry as {@code entry} and its
 * {@code item}
 * @param item what the fragment shows (the source's own read model)
 */
public record TimelineEntry(String source, long id, Instant at, String kind, String template, String fragment,
		Object item) {

	public TimelineCursor cursor() {
		return new TimelineCursor(at, id);
	}

}
