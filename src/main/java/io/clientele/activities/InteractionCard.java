package io.clientele.activities;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything an interaction's page shows, for a user allowed to see it.
 *
 * @param participantUsers colleagues taking part, by id
 * @param participantContacts contact persons taking part, by id
 * @param plannedMinutes how long a meeting or visit is planned to take; null: an hour
 * @param roomId the meeting room it holds, or null
 * @param followsId the interaction whose completion planned this one
 */
public record InteractionCard(long id, long version, InteractionKind kind, InteractionState state, Instant at,
		@Nullable Instant plannedAt, @Nullable Instant doneAt, long clientId, String clientName,
		@Nullable Long contactId, @Nullable String contactName, @Nullable Long dealId, @Nullable String dealSubject,
		String subject, @Nullable String result, @Nullable Integer minutesSpent, long responsibleId,
		String responsibleName, Map<Long, String> participantUsers, Map<Long, String> participantContacts,
		@Nullable CallDirection direction, @Nullable Integer durationSeconds, @Nullable CallResult callResult,
		@Nullable String recordingUrl, @Nullable String place, @Nullable String channel,
		@Nullable Integer plannedMinutes, @Nullable Long roomId, @Nullable String roomName, @Nullable Long followsId,
		Instant createdAt, @Nullable String createdByName, Instant updatedAt) {

	public boolean planned() {
		return state == InteractionState.PLANNED;
	}

	/** A call's length as minutes and seconds, {@code 4:05}. */
	public @Nullable String duration() {
		return durationSeconds == null ? null : "%d:%02d".formatted(durationSeconds / 60, durationSeconds % 60);
	}

}
