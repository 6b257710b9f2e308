package io.clientele.activities.api;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as the API takes it for logging, planning or replacing.
 *
 * @param state PLANNED or DONE for a new interaction (DONE by default); a replacement
 * keeps the state
 * @param version the version read, for a replacement
 */
record InteractionWrite(@Nullable InteractionKind kind, @Nullable InteractionState state, @Nullable Instant at,
		@Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId, @Nullable String subject,
		@Nullable String result, @Nullable Integer minutesSpent, @Nullable Long responsibleId,
		@Nullable List<Long> participantUserIds, @Nullable List<Long> participantContactIds,
		@Nullable CallDirection direction, @Nullable Integer durationSeconds, @Nullable CallResult callResult,
		@Nullable String recordingUrl, @Nullable String place, @Nullable String channel, @Nullable Long version) {

	InteractionDraft draft() {
		if (kind == null) {
			throw new RuleViolation("kind", "interaction.kind-required");
		}
		if (clientId == null) {
			throw new RuleViolation("clientId", "interaction.client-invalid");
		}
		return new InteractionDraft(kind, state, at, clientId, contactId, dealId, subject == null ? "" : subject,
				result, minutesSpent, responsibleId, participantUserIds, participantContactIds, direction,
				durationSeconds, callResult, recordingUrl, place, channel);
	}

}
