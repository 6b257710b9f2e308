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
 * {@link #bind}. Clients and deals are read through the views their modules publish
 * ({@code published_client_readers}, {@code published_deals}).
 */
public record InteractionVisibility(AccessScope scope, ClientVisibility clients, DealVisibility deals) {

	/**
	 * The condition as one set of ids, the union of what each rule grants, each part from
	 * its own index: the scope's own interactions
	 * ({@code interactions_responsible_at_idx}), those of the visible clients
	 * ({@code interactions_client_at_idx} per client), of the visible deals
	 * ({@code interactions_deal_at_idx}) and those taken part in
	 * ({@code interaction_participants_by_user_idx}). An {@code or} of the four had the
	 * planner walk the whole list's time index and filter it: a manager's first page read
	 * 11,000 rows on 500,000 interactions, and the list's bounded count scanned the
	 * table; the set costs what the reader may see (see docs/benchmarks.md).
	 */
	public String sqlCondition(String alias) {
		if (scope.coversEverything()) {
			return "true";
		}
		return alias + ".id in (select i.id from interactions i where " + scope.sqlCondition("i.responsible_id")
				+ " union all select i.id from interactions i where i.client_id in (select v.id from published_client_readers v where "
				+ clients.sqlCondition("v")
				+ ") union all select i.id from interactions i where i.deal_id in (select d.id from published_deals d where "
				+ deals.sqlCondition("d") + ") union all select p.interaction_id from interaction_participants p where "
				+ scope.sqlCondition("p.user_id") + ")";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return scope.coversEverything() ? statement : deals.bind(clients.bind(statement));
	}

	/**
	 * Whether the scope does or takes part in the interaction (without its client or
	 * deal).
	 */
	public boolean coversPeople(long responsibleId, java.util.Collection<Long> participantUserIds) {
		return scope.covers(responsibleId) || participantUserIds.stream().anyMatch(scope::covers);
	}

}
