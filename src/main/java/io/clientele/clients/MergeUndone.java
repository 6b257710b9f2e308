package io.clientele.clients;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A merge was undone within its 30 days: the merged record is back, and what was moved to
 * the survivor under {@code mergeId} should move back to it. Published inside the undoing
 * transaction, like {@link RecordsMerged}.
 */
public record MergeUndone(String recordType, long survivorId, long mergedId, long mergeId, @Nullable Long actorId,
		Instant at) {
}
