package io.clientele.activities;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Which entries of a timeline a source is asked for.
 *
 * @param before only entries older than this position, or null for the newest
 * @param from only entries at or after this moment, or null
 * @param to only entries before this moment, or null
 * @param kinds only entries of these kinds ({@link TimelineSource#kinds()}); every kind
 * of the source when empty
 * @param limit at most this many entries
 */
public record TimelineWindow(@Nullable TimelineCursor before, @Nullable Instant from, @Nullable Instant to,
		Set<String> kinds, int limit) {

	public TimelineWindow {
		kinds = Set.copyOf(kinds);
	}

	/**
	 * The cursor and the end of the window as one position: entries older than it are
	 * those before the cursor and before {@code to}. Null when neither is set.
	 */
	public @Nullable TimelineCursor upTo() {
		if (to == null) {
			return before;
		}
		TimelineCursor end = new TimelineCursor(to, Long.MIN_VALUE);
		if (before == null) {
			return end;
		}
		int order = before.at().compareTo(to);
		return order < 0 || (order == 0 && before.id() < end.id()) ? before : end;
	}

	/** Whether entries of this kind are wanted. */
	public boolean wants(String kind) {
		return kinds.isEmpty() || kinds.contains(kind);
	}

}
