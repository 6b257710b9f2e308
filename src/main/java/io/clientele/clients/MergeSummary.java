package io.clientele.clients;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A merge as the survivor's card and the list of merges tell it.
 *
 * @param undoable whether the reader may undo it now: within 30 days, the latest merge
 * into the survivor not undone, and the reader a head or an administrator
 */
public record MergeSummary(long id, String type, long survivorId, String survivorName, long mergedId, String mergedName,
		Instant mergedAt, @Nullable String mergedBy, Instant undoableUntil, boolean undoable) {
}
