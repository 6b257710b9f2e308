package io.clientele.clients;

import java.util.Set;

import io.clientele.shared.Labelled;

/**
 * Where a lead stands: new (waiting for someone to take it up), in work, qualified (worth
 * a client), converted (became one) or rejected (with a reason). Converted and rejected
 * leads are closed, and stay findable.
 */
public enum LeadStatus implements Labelled {

	NEW, IN_WORK, QUALIFIED, CONVERTED, REJECTED;

	@Override
	public String messageKey() {
		return "lead.status." + name();
	}

	public boolean open() {
		return this != CONVERTED && this != REJECTED;
	}

	/** The statuses a user may move a lead to from this one by hand. */
	public Set<LeadStatus> next() {
		return switch (this) {
			case NEW -> Set.of(IN_WORK, REJECTED);
			case IN_WORK -> Set.of(QUALIFIED, REJECTED);
			case QUALIFIED -> Set.of(IN_WORK, REJECTED);
			case REJECTED -> Set.of(IN_WORK);
			case CONVERTED -> Set.of();
		};
	}

}
