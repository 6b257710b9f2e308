package io.clientele.activities;

import io.clientele.shared.Labelled;

/** Who called whom. */
public enum CallDirection implements Labelled {

	INCOMING, OUTGOING;

	@Override
	public String messageKey() {
		return "interaction.direction." + name();
	}

}
