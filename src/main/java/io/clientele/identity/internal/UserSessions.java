package io.clientele.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's open sessions on every node, so that deactivation, a role change or a
 * password reset takes effect at once rather than at their next sign-in.
 */
@Component
class UserSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	UserSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
		this.sessions = sessions;
	}

	void endAll(String username) {
		sessions.ifAvailable(
				repository -> repository.findByPrincipalName(username).keySet().forEach(repository::deleteById));
	}

}
