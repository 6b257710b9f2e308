package io.clientele.deals;

import io.clientele.identity.AccessScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which deals a user may see and work: those whose responsible manager or a co-executor
 * is in their access scope (their own; a head's department subtree; everything for an
 * administrator). Every deal query puts {@link #sqlCondition(String)} into its
 * {@code WHERE} clause and binds it with {@link #bind}.
 */
public record DealVisibility(AccessScope scope) {

	private static final String CO_EXECUTORS = "dealScopeUserIds";

	public String sqlCondition(String alias) {
		if (scope.coversEverything()) {
			return "true";
		}
		return "(" + scope.sqlCondition(alias + ".responsible_id") + " or " + alias + ".co_executor_ids && :"
				+ CO_EXECUTORS + ")";
	}

	/**
	 * {@link #sqlCondition(String)} as conditions that exclude one another, each answered
	 * by its own index: the responsible manager in the scope; a co-executor in it and the
	 * responsible not. Empty for a reader who sees everything.
	 */
	public java.util.List<String> sqlBranches(String alias) {
		if (scope.coversEverything()) {
			return java.util.List.of();
		}
		String responsible = scope.sqlCondition(alias + ".responsible_id");
		return java.util.List.of(responsible,
				alias + ".co_executor_ids && :" + CO_EXECUTORS + " and not (" + responsible + ")");
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return scope.coversEverything() ? statement : scope.bind(statement).param(CO_EXECUTORS, scope.sqlArray());
	}

	public boolean covers(long responsibleId, java.util.Collection<Long> coExecutorIds) {
		return scope.covers(responsibleId) || coExecutorIds.stream().anyMatch(scope::covers);
	}

}
