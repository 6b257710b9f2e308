package io.clientele.activities.api;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as the API returns it.
 *
 * @param at the planned time while planned, the time it was done once done
 * @param version send it back with a change
 * @param plannedMinutes how long a meeting or visit is planned to take (null: an hour)
 * @param roomId the meeting room it holds, or null
 */
record InteractionJson(long id, long version, InteractionKind kind, InteractionState state, Instant at,
		@Nullable Instant plannedAt, @Nullable Instant doneAt, long clientId, String clientName,
		@Nullable Long contactId, @Nullable Long dealId, String subject, @Nullable String result,
		@Nullable Integer minutesSpent, long responsibleId, String responsibleName, List<Long> participantUserIds,
		List<Long> participantContactIds, @Nullable CallDirection direction, @Nullable Integer durationSeconds,
		@Nullable CallResult callResult, @Nullable String recordingUrl, @Nullable String place,
		@Nullable String channel, @Nullable Integer plannedMinutes, @Nullable Long roomId, @Nullable String roomName,
		@Nullable Long followsId, Instant createdAt, Instant updatedAt) {

	static InteractionJson of(InteractionCard c) {
		return new InteractionJson(c.id(), c.version(), c.kind(), c.state(), c.at(), c.plannedAt(), c.doneAt(),
				c.clientId(), c.clientName(), c.contactId(), c.dealId(), c.subject(), c.result(), c.minutesSpent(),
				c.responsibleId(), c.responsibleName(), List.copyOf(c.participantUsers().keySet()),
				List.copyOf(c.participantContacts().keySet()), c.direction(), c.durationSeconds(), c.callResult(),
				c.recordingUrl(), c.place(), c.channel(), c.plannedMinutes(), c.roomId(), c.roomName(), c.followsId(),
				c.createdAt(), c.updatedAt());
	}

}
