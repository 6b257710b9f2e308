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

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = scope.bind(statement);
		return scope.coversEverything() || grantedSegments.isEmpty() ? bound
				: bound.param("grantedSegments", grantedSegments.toArray(Long[]::new));
	}

	public boolean covers(long responsibleId, java.util.Collection<Long> segmentIds) {
		return scope.covers(responsibleId) || segmentIds.stream().anyMatch(grantedSegments::contains);
	}

}
