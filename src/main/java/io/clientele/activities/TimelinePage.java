package io.clientele.activities;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a timeline, newest first.
 *
 * @param next the cursor of the next (older) page, or null on the last
 */
public record TimelinePage(List<TimelineEntry> entries, @Nullable String next) {
}
