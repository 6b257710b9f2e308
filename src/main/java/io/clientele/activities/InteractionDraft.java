package io.clientele.activities;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a user fills in to log or plan an interaction, or to edit one. The state changes
 * through {@link InteractionService#complete} and {@link InteractionService#cancel},
 * except that a new interaction may be logged as already done.
 *
 * @param at when it is planned for, or when it was done (for
 * {@link InteractionState#DONE})
 * @param state the state of a new interaction (PLANNED or DONE); ignored when editing
 * @param dealId a deal of the same client, or null
 * @param responsibleId who does it; null: the author (or whoever does it now, when
 * editing)
 * @param participantUserIds colleagues taking part
 * @param participantContactIds contact persons taking part
 * @param durationSeconds a call's length
 * @param plannedMinutes how long a meeting or visit is planned to take; null: an hour
 * @param roomId the meeting room a planned meeting or visit holds for its time; null:
 * none (a done or cancelled one keeps the room it had)
 */
public record InteractionDraft(InteractionKind kind, @Nullable InteractionState state, @Nullable Instant at,
		long clientId, @Nullable Long contactId, @Nullable Long dealId, String subject, @Nullable String result,
		@Nullable Integer minutesSpent, @Nullable Long responsibleId, List<Long> participantUserIds,
		List<Long> participantContactIds, @Nullable CallDirection direction, @Nullable Integer durationSeconds,
		@Nullable CallResult callResult, @Nullable String recordingUrl, @Nullable String place,
		@Nullable String channel, @Nullable Integer plannedMinutes, @Nullable Long roomId) {

	public InteractionDraft {
		participantUserIds = participantUserIds == null ? List.of() : List.copyOf(participantUserIds);
		participantContactIds = participantContactIds == null ? List.of() : List.copyOf(participantContactIds);
	}

	/** A planned interaction of a kind, at a time, with only the essentials. */
	public static InteractionDraft planned(InteractionKind kind, Instant at, long clientId, @Nullable Long dealId,
			String subject, @Nullable Long responsibleId) {
		return new InteractionDraft(kind, InteractionState.PLANNED, at, clientId, null, dealId, subject, null, null,
				responsibleId, List.of(), List.of(), null, null, null, null, null, null, null, null);
	}

	/** The same draft holding a meeting room for a length of time. */
	public InteractionDraft inRoom(@Nullable Long room, @Nullable Integer minutes) {
		return new InteractionDraft(kind, state, at, clientId, contactId, dealId, subject, result, minutesSpent,
				responsibleId, participantUserIds, participantContactIds, direction, durationSeconds, callResult,
				recordingUrl, place, channel, minutes, room);
	}

}
