package io.clientele.deals;

import io.clientele.shared.Labelled;

/** Where a deal stands: in work, or closed as won or lost. */
public enum DealState implements Labelled {

	IN_WORK, WON, LOST;

	@Override
	public String messageKey() {
		return "deal.state." + name();
	}

	public boolean open() {
		return this == IN_WORK;
	}

}
