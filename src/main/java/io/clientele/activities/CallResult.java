package io.clientele.activities;

import io.clientele.shared.Labelled;

/** How a call went through (what was said goes into the result text). */
public enum CallResult implements Labelled {

	ANSWERED, NO_ANSWER, BUSY, VOICEMAIL, FAILED;

	@Override
	public String messageKey() {
		return "interaction.call-result." + name();
	}

}
