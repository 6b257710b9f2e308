package io.clientele.activities;

import io.clientele.shared.Labelled;

/** Whether an interaction is still to happen, has happened, or will not happen. */
public enum InteractionState implements Labelled {

	PLANNED, DONE, CANCELLED;

	@Override
	public String messageKey() {
		return "interaction.state." + name();
	}

}
