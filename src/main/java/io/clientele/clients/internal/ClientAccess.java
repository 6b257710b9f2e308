package io.clientele.clients.internal;

import io.clientele.clients.ClientVisibility;
import io.clientele.clients.Segments;
import io.clientele.identity.AccessScopes;
import org.springframework.stereotype.Component;

/**
 * Works out a user's {@link ClientVisibility}: their access scope and their segment
 * grants.
 */
@Component
public class ClientAccess {

	private final AccessScopes scopes;

	private final Segments segments;

	ClientAccess(AccessScopes scopes, Segments segments) {
		this.scopes = scopes;
		this.segments = segments;
	}

	public ClientVisibility of(long userId) {
		return new ClientVisibility(scopes.of(userId), segments.readableBy(userId));
	}

}
