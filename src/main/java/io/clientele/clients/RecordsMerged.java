package io.clientele.clients;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record was merged into another of its kind: everything that pointed at the merged
 * record should now point at the survivor. Published inside the merge's transaction; a
 * module that holds references to clients or contact persons (deals, interactions…)
 * listens with a plain {@code @EventListener}, so that its moves commit or fail with the
 * merge, keeps what it moved under {@code mergeId}, and moves it back on
 * {@link MergeUndone}.
 *
 * @param recordType {@link ClientService#RECORD_TYPE} or
 * {@link ContactService#RECORD_TYPE}
 * @param mergeId the merge, as {@link MergeUndone} names it
 */
public record RecordsMerged(String recordType, long survivorId, long mergedId, long mergeId, @Nullable Long actorId,
		Instant at) {
}
