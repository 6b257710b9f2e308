package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * How a lead came in.
 */
public enum LeadSource implements Labelled {

	WEB_FORM, CALL, EMAIL, CHAT, MANUAL, IMPORT;

	@Override
	public String messageKey() {
		return "lead.source." + name();
	}

}
