package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * A client is a company (or an individual entrepreneur) or a private person.
 */
public enum ClientKind implements Labelled {

	ORGANISATION, INDIVIDUAL;

	@Override
	public String messageKey() {
		return "client.kind." + name();
	}

}
