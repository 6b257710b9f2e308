package io.clientele.activities.api;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.shared.RuleViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as the API takes it for logging, planning or replacing.
 *
 * @param state PLANNED or DONE for a new interaction (DONE by default); a replacement
 * keeps the state
 * @param plannedMinutes how long a meeting or visit is planned to take (1 to 1440; an
 * hour if not given)
 * @param roomId the meeting room a planned meeting or visit books for its time; a
 * replacement without it frees the room. Refused (422, on {@code roomId}) when the room
 * is taken then
 * @param version the version read, for a replacement
 */
record InteractionWrite(@Nullable InteractionKind kind, @Nullable InteractionState state, @Nullable Instant at,
		@Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId, @Nullable String subject,
		@Nullable String result, @Nullable Integer minutesSpent, @Nullable Long responsibleId,
		@Nullable List<Long> participantUserIds, @Nullable List<Long> participantContactIds,
		@Nullable CallDirection direction, @Nullable Integer durationSeconds, @Nullable CallResult callResult,
		@Nullable String recordingUrl, @Nullable String place, @Nullable String channel,
		@Schema(description = LENGTH) @Nullable Integer plannedMinutes,
		@Schema(description = ROOM) @Nullable Long roomId, @Nullable Long version) {

	static final String LENGTH = "How long a meeting or visit is planned to take, in minutes (1 to 1440; "
			+ "an hour if not given).";

	static final String ROOM = "The meeting room a planned meeting or visit books for its time (the rooms are "
			+ "listed in the calendar). A replacement without it frees the room; a room taken at that time is refused "
			+ "with 422 and a problem detail naming roomId, and nothing is saved. A done or cancelled interaction keeps "
			+ "the room it had.";

	InteractionDraft draft() {
		if (kind == null) {
			throw new RuleViolation("kind", "interaction.kind-required");
		}
		if (clientId == null) {
			throw new RuleViolation("clientId", "interaction.client-invalid");
		}
		return new InteractionDraft(kind, state, at, clientId, contactId, dealId, subject == null ? "" : subject,
				result, minutesSpent, responsibleId, participantUserIds, participantContactIds, direction,
				durationSeconds, callResult, recordingUrl, place, channel, plannedMinutes, roomId);
	}

}
