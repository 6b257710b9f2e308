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

	private static final String READERS = "readers";

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
	 * The same rule in the form the search's index of text and reader answers
	 * ({@code clients_search_readers_idx}: the responsible manager as a one-element array
	 * beside the trigrams), so that a manager's search reads only the entries that have
	 * both. Bind with {@link #bindReaders}.
	 */
	public String searchCondition(String clientAlias) {
		if (scope.coversEverything()) {
			return "true";
		}
		String own = "array[" + clientAlias + ".responsible_id] && :" + READERS;
		return grantedSegments.isEmpty() ? own : "(" + own + " or " + clientAlias + ".segment_ids && :grantedSegments)";
	}

	/**
	 * Whether {@link #searchCondition} and {@link #contactCondition} are one condition on
	 * the readers' index (no administrator, no granted segments and so no {@code or}):
	 * then the search's plan is the same for any text, and may be made once.
	 */
	public boolean searchesOnTheReadersIndexOnly() {
		return !scope.coversEverything() && grantedSegments.isEmpty();
	}

	/**
	 * The same rule for contact persons, who are seen through the live clients they work
	 * for (an administrator too: a contact person of deleted clients only is in the
	 * recycle bin): on the columns each contact person carries (the responsible managers
	 * and the segments of those clients, kept by triggers, see decision 0005) instead of
	 * a join per row. Bind with {@link #bindReaders}.
	 */
	public String contactCondition(String contactAlias) {
		if (scope.coversEverything()) {
			// one live client at least, as for everyone else
			return contactAlias + ".client_responsible_ids <> '{}'";
		}
		String own = contactAlias + ".client_responsible_ids && :" + READERS;
		return grantedSegments.isEmpty() ? own
				: "(" + own + " or " + contactAlias + ".client_segment_ids && :grantedSegments)";
	}

	/**
	 * Binds what {@link #sqlCondition}, {@link #searchCondition} and
	 * {@link #contactCondition} use.
	 */
	public JdbcClient.StatementSpec bindReaders(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = bind(statement);
		return scope.coversEverything() ? bound : bound.param(READERS, scope.sqlArray());
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
