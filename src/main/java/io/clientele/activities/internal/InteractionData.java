package io.clientele.activities.internal;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionKind;
import org.jspecify.annotations.Nullable;

/** A draft checked against the rules: what an interaction is set to. */
public record InteractionData(InteractionKind kind, Instant at, long clientId, @Nullable Long contactId,
		@Nullable Long dealId, String subject, @Nullable String result, @Nullable Integer minutesSpent,
		long responsibleId, List<Long> participantUserIds, List<Long> participantContactIds,
		@Nullable CallDirection direction, @Nullable Integer durationSeconds, @Nullable CallResult callResult,
		@Nullable String recordingUrl, @Nullable String place, @Nullable String channel,
		@Nullable Integer plannedMinutes) {
}
