package io.clientele.clients;

import java.util.Set;

import io.clientele.identity.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which clients a user may see and work: those in their access scope (by responsible
 * manager) and those in the segments they were given. Every client query puts
 * {@link #sqlCondition(String)} into its {@code WHERE} clause.
 */
public record ClientVisibility(AccessScope scope, Set<Long> grantedSegments) {

	private static final String CONTACT_READERS = "contactReaders";

	public ClientVisibility {
		grantedSegments = Set.copyOf(grantedSegments);
	}

	public String sqlCondition(String clientAlias) {
		if (scope.coversEverything()) {
			return "true";
		}
		String own = scope.sqlCondition(clientAlias + ".responsible_id");
		return grantedSegments.isEmpty() ? own : "(" + own + " or " + clientAlias + ".segment_ids && :grantedSegments)";
	}

	/**
	 * The same rule for contact persons, who are seen through the live clients they work
	 * for (an administrator too: a contact person of deleted clients only is in the
	 * recycle bin): on the columns each contact person carries (the responsible managers
	 * and the segments of those clients, kept by triggers, see decision 0005) instead of
	 * a join per row. Bind with {@link #bindContacts}.
	 */
	public String contactCondition(String contactAlias) {
		if (scope.coversEverything()) {
			// one live client at least, as for everyone else
			return contactAlias + ".client_responsible_ids <> '{}'";
		}
		String own = contactAlias + ".client_responsible_ids && :" + CONTACT_READERS;
		return grantedSegments.isEmpty() ? own
				: "(" + own + " or " + contactAlias + ".client_segment_ids && :grantedSegments)";
	}

	/** Binds what {@link #sqlCondition} and {@link #contactCondition} use. */
	public JdbcClient.StatementSpec bindContacts(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = bind(statement);
		return scope.coversEverything() ? bound : bound.param(CONTACT_READERS, scope.sqlArray());
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = scope.bind(statement);
		return scope.coversEverything() || grantedSegments.isEmpty() ? bound
				: bound.param("grantedSegments", grantedSegments.toArray(Long[]::new));
	}

	public boolean covers(long responsibleId, java.util.Collection<Long> segmentIds) {
		return scope.covers(responsibleId) || segmentIds.stream().anyMatch(grantedSegments::contains);
	}

}
