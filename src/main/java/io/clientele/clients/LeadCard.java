package io.clientele.clients;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A lead as its card shows it.
 *
 * @param phone E.164, or null
 * @param clientId the client it became, once converted
 * @param contactId the contact person it became, once converted
 * @param dealId the deal its conversion opened, if any
 */
public record LeadCard(long id, long version, String name, @Nullable String company, @Nullable String phone,
		@Nullable String email, @Nullable String message, LeadSource source, @Nullable String channel,
		LeadStatus status, @Nullable Long rejectionReasonId, @Nullable String rejectionReason,
		@Nullable String rejectionNote, @Nullable Long responsibleId, long departmentId, @Nullable Long formId,
		@Nullable Long clientId, @Nullable Long contactId, @Nullable Instant convertedAt, Map<String, Object> custom,
		Instant createdAt, Instant updatedAt, @Nullable Long dealId) {

	public boolean assigned() {
		return responsibleId != null;
	}

}
