package io.clientele.deals;

import io.clientele.shared.Labelled;

/**
 * How a deal moves through its stages: not at all (only its start and end count), by hand
 * (any stage, forwards or back, with the checklists), or only by its business process.
 */
public enum DealMode implements Labelled {

	WITHOUT_PROCESS, MANUAL_STAGES, PROCESS_CONTROLLED;

	@Override
	public String messageKey() {
		return "deal.mode." + name();
	}

}
