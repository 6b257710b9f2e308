package io.clientele.clients;

/**
 * A client is a company (or an individual entrepreneur) or a private person.
 */
public enum ClientKind {

	ORGANISATION, INDIVIDUAL;

	public String messageKey() {
		return "client.kind." + name();
	}

}
