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

	public String sqlCondition(String alias) {
		if (scope.coversEverything()) {
			return "true";
		}
		return "(" + scope.sqlCondition(alias + ".responsible_id") + " or " + alias
				+ ".client_id in (select v.id from published_client_readers v where " + clients.sqlCondition("v")
				+ ") or " + alias + ".deal_id in (select d.id from published_deals d where " + deals.sqlCondition("d")
				+ ") or " + alias + ".id in (select p.interaction_id from interaction_participants p where "
				+ scope.sqlCondition("p.user_id") + "))";
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
