package io.clientele.activities;

import io.clientele.clients.ClientVisibility;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which interactions a user may see: those of the clients they may see, those on deals
 * they may see, and those their scope does or takes part in (their own; a head's
 * department subtree; everything for an administrator). Every interaction query puts
 * {@link #sqlCondition(String)} into its {@code WHERE} clause and binds it with
 * {@link #bind}.
 *
 * <p>
 * The rule is checked on columns each interaction carries (decision 0014), kept by
 * triggers from its client, its deal and its participants: {@code client_responsible_id}
 * and {@code client_segment_ids} of its live client, and {@code other_reader_ids}, the
 * live deal's responsible manager and co-executors and the users taking part, without the
 * responsible user and the client's manager. A test compares them with the rule written
 * as joins.
 */
public record InteractionVisibility(AccessScope scope, ClientVisibility clients, DealVisibility deals) {

	private static final String READERS = "interactionReaders";

	/**
	 * The condition, an {@code or} of {@link #sqlBranches(String)}: a bitmap of their
	 * indexes answers it where the order does not matter (counts, checks of some ids).
	 */
	public String sqlCondition(String alias) {
		if (scope.coversEverything()) {
			return "true";
		}
		return "(" + String.join(" or ", sqlBranches(alias)) + ")";
	}

	/**
	 * The rules apart, each an index range in the lists' time order for one user (the
	 * responsible user: {@code interactions_responsible_at_idx}; the client's manager:
	 * {@code interactions_client_responsible_at_idx}) or a small set (the other readers,
	 * the granted segments: GIN). They overlap: an interaction may be the reader's own
	 * and of their client. Empty for a reader who sees everything.
	 */
	public java.util.List<String> sqlBranches(String alias) {
		if (scope.coversEverything()) {
			return java.util.List.of();
		}
		var branches = new java.util.ArrayList<String>();
		branches.add(scope.sqlCondition(alias + ".responsible_id"));
		branches.add(scope.sqlCondition(alias + ".client_responsible_id"));
		// "<> '{}'" says nothing new, but lowers the planner's estimate below what
		// walking
		// the time index would pay for: a head's department shares 16,000 interactions
		// with others on M, the walk read 35,000 rows for a page (300 ms), the bitmap of
		// the GIN index reads the 16,000 (40 ms)
		branches.add("(" + alias + ".other_reader_ids <> '{}' and " + alias + ".other_reader_ids && :" + READERS + ")");
		if (!clients.grantedSegments().isEmpty()) {
			branches.add(alias + ".client_segment_ids && :grantedSegments");
		}
		return branches;
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return scope.coversEverything() ? statement : clients.bind(statement).param(READERS, scope.sqlArray());
	}

	/**
	 * Whether the scope does or takes part in the interaction (without its client or
	 * deal).
	 */
	public boolean coversPeople(long responsibleId, java.util.Collection<Long> participantUserIds) {
		return scope.covers(responsibleId) || participantUserIds.stream().anyMatch(scope::covers);
	}

}
