package io.clientele.clients.spi;

import io.clientele.clients.LeadCard;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

/**
 * What a lead's conversion opens besides the client: the deals module opens a deal.
 * Called inside the conversion's transaction, so that the lead, the client and the deal
 * are made together or not at all; the lead keeps the id it returns.
 */
public interface LeadFollowUp {

	/**
	 * @param subject what the deal is about, as the converting user typed it (the lead's
	 * message by default)
	 * @return the id of the deal opened, or null when none was
	 */
	@Nullable Long open(LeadCard lead, long clientId, @Nullable Long contactId, String subject, CurrentUser actor);

}
