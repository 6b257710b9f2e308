package io.clientele.activities;

import java.util.List;

import io.clientele.clients.ClientVisibility;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.AccessScope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which tasks a user may see and work: those whose executor or author is in their access
 * scope (their own; a head's department subtree; everything for an administrator), and
 * those about a client or a deal they may see. Every task query puts
 * {@link #sqlCondition(String)} into its {@code WHERE} clause and binds it with
 * {@link #bind}.
 */
public record TaskVisibility(AccessScope scope, ClientVisibility clients, DealVisibility deals) {

	public String sqlCondition(String alias) {
		if (scope.coversEverything()) {
			return "true";
		}
		return "(" + people(alias) + " or " + linked(alias) + ")";
	}

	/**
	 * {@link #sqlCondition(String)} as conditions that exclude one another, each answered
	 * by its own index: the executor in the scope ({@code tasks_executor_idx}); the
	 * author in it and the executor not ({@code tasks_author_idx}); a visible client or
	 * deal and neither person in it (the client's and deal's indexes). Empty for a reader
	 * who sees everything.
	 */
	public List<String> sqlBranches(String alias) {
		if (scope.coversEverything()) {
			return List.of();
		}
		String executor = scope.sqlCondition(alias + ".executor_id");
		String author = scope.sqlCondition(alias + ".author_id");
		return List.of(executor, author + " and not (" + executor + ")",
				linked(alias) + " and not (" + people(alias) + ")");
	}

	private String people(String alias) {
		return scope.sqlCondition(alias + ".executor_id") + " or " + scope.sqlCondition(alias + ".author_id");
	}

	private String linked(String alias) {
		return "(" + alias + ".client_id in (select cl.id from clients cl where cl.deleted_at is null and "
				+ clients.sqlCondition("cl") + ") or " + alias
				+ ".deal_id in (select dl.id from deals dl where dl.deleted_at is null and " + deals.sqlCondition("dl")
				+ "))";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return scope.coversEverything() ? statement : clients.bind(deals.bind(statement));
	}

	/**
	 * Whether a task with these people is visible by them alone; when not, its client or
	 * deal decides.
	 */
	public boolean coversPeople(long executorId, long authorId) {
		return scope.covers(executorId) || scope.covers(authorId);
	}

	/** Whether the reader's scope covers this user's tasks (a head's people). */
	public boolean coversUser(@Nullable Long userId) {
		return userId != null && scope.covers(userId);
	}

}
