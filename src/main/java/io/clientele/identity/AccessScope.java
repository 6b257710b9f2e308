package io.clientele.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which records a user may see, by who is responsible for them: an administrator sees
 * all; a head sees the records of every user in the subtree of the department they head;
 * anyone else sees their own. Modules apply it in the {@code WHERE} clause of every query
 * that returns business records, so pages, search, reports, exports and the API agree.
 *
 * <pre>{@code
 * var sql = "select ... from clients c where " + scope.sqlCondition("c.responsible_id") + " and ...";
 * scope.bind(jdbc.sql(sql)).param(...).query(...);
 * }</pre>
 *
 * @param kind how wide the scope is
 * @param userId the user it was computed for
 * @param responsibleUserIds whose records are visible (empty for {@link Kind#ALL}, which
 * needs no list)
 * @param departmentIds the departments a head's scope spans (their subtree), for records
 * that wait in a department's queue without a responsible user; empty otherwise
 */
public record AccessScope(Kind kind, long userId, Set<Long> responsibleUserIds, Set<Long> departmentIds) {

	/** The name of the SQL parameter that {@link #sqlCondition(String)} uses. */
	public static final String PARAMETER = "scopeUserIds";

	/** The name of the SQL parameter that {@link #queueCondition} uses. */
	public static final String DEPARTMENTS_PARAMETER = "scopeDepartmentIds";

	public enum Kind {

		OWN, DEPARTMENT, ALL

	}

	public AccessScope {
		responsibleUserIds = Set.copyOf(responsibleUserIds);
		departmentIds = Set.copyOf(departmentIds);
	}

	public AccessScope(Kind kind, long userId, Set<Long> responsibleUserIds) {
		this(kind, userId, responsibleUserIds, Set.of());
	}

	public boolean coversEverything() {
		return kind == Kind.ALL;
	}

	/** Whether a record with this responsible user is visible. */
	public boolean covers(long responsibleUserId) {
		return coversEverything() || responsibleUserIds.contains(responsibleUserId);
	}

	/**
	 * A condition on the column that holds the responsible user's id. It uses the named
	 * parameter {@value #PARAMETER}; {@link #bind} supplies it. A single user's scope is
	 * an equality, so that an index led by the responsible column returns that user's
	 * records already sorted by its next columns (a manager's list by name: one index
	 * range, about a millisecond on a million clients, where {@code = any(array)} makes
	 * the planner walk the name index instead).
	 */
	public String sqlCondition(String responsibleColumn) {
		if (coversEverything()) {
			return "true";
		}
		return responsibleUserIds.size() == 1 ? responsibleColumn + " = :" + PARAMETER
				: responsibleColumn + " = any(:" + PARAMETER + ")";
	}

	/**
	 * A condition for records that may wait unassigned in a department's queue (leads): a
	 * responsible user in the scope, or none and a department the scope spans. Bind with
	 * {@link #bindQueue}.
	 */
	public String queueCondition(String responsibleColumn, String departmentColumn) {
		if (coversEverything()) {
			return "true";
		}
		String own = sqlCondition(responsibleColumn);
		return departmentIds.isEmpty() ? own : "(" + own + " or (" + responsibleColumn + " is null and "
				+ departmentColumn + " = any(:" + DEPARTMENTS_PARAMETER + ")))";
	}

	public JdbcClient.StatementSpec bindQueue(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = bind(statement);
		return coversEverything() || departmentIds.isEmpty() ? bound
				: bound.param(DEPARTMENTS_PARAMETER, departmentIds.toArray(Long[]::new));
	}

	/**
	 * Whether a record with this responsible user (or none) and department is visible.
	 */
	public boolean coversQueued(@Nullable Long responsibleUserId, long departmentId) {
		return coversEverything()
				|| (responsibleUserId != null ? covers(responsibleUserId) : departmentIds.contains(departmentId));
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		if (coversEverything()) {
			return statement;
		}
		return statement.param(PARAMETER,
				responsibleUserIds.size() == 1 ? responsibleUserIds.iterator().next() : sqlArray());
	}

	public Long[] sqlArray() {
		return responsibleUserIds.toArray(Long[]::new);
	}

}
