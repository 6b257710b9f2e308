package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * The size of an organisation by headcount, as Russian statistics count it: micro up to
 * 15, small up to 100, medium up to 250, large above.
 */
public enum CompanySize implements Labelled {

	MICRO, SMALL, MEDIUM, LARGE;

	@Override
	public String messageKey() {
		return "client.size." + name();
	}

}
