package io.clientele.clients.internal;

import java.util.List;

import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a department shares out its new leads: by its head, one by one or in bulk, or in
 * turn among its active sales managers. The turn is kept in {@code lead_distribution} and
 * taken under a row lock, so that two leads arriving at once go to two people.
 */
@Component
public class LeadDistribution {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	LeadDistribution(JdbcClient jdbc, UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public boolean roundRobin(long departmentId) {
		return jdbc.sql("select round_robin from lead_distribution where department_id = ?")
			.param(departmentId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void setRoundRobin(long departmentId, boolean roundRobin) {
		jdbc.sql("""
				insert into lead_distribution (department_id, round_robin) values (?, ?)
				on conflict (department_id) do update set round_robin = excluded.round_robin,
				  version = lead_distribution.version + 1
				""").params(departmentId, roundRobin).update();
	}

	/**
	 * The manager whose turn it is, or null when the department does not share in turn.
	 */
	public @Nullable Long next(long departmentId) {
		var turn = jdbc
			.sql("select round_robin, last_user_id from lead_distribution where department_id = ? for update")
			.param(departmentId)
			.query((rs, n) -> new Turn(rs.getBoolean(1), rs.getObject(2, Long.class)))
			.optional();
		if (turn.isEmpty() || !turn.get().roundRobin()) {
			return null;
		}
		List<Long> managers = users.activeIn(departmentId, Role.SALES_MANAGER);
		if (managers.isEmpty()) {
			return null;
		}
		Long last = turn.get().lastUserId();
		Long next = managers.stream().filter(id -> last == null || id > last).findFirst().orElse(managers.get(0));
		jdbc.sql("update lead_distribution set last_user_id = ? where department_id = ?")
			.params(next, departmentId)
			.update();
		return next;
	}

	private record Turn(boolean roundRobin, @Nullable Long lastUserId) {
	}

}
