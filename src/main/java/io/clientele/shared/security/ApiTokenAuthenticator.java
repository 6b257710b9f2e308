package io.clientele.shared.security;

import java.util.Optional;

/**
 * Resolves a personal API token (the secret after {@code Bearer }) to its active user.
 */
public interface ApiTokenAuthenticator {

	Optional<ClienteleUserDetails> authenticate(String token);

}
