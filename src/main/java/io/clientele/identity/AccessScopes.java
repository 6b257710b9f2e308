package io.clientele.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Computes the {@link AccessScope} of a user from their role and the department tree.
 */
@Service
public class AccessScopes {

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessScopes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The user's scope, widened by the scopes of the users they stand in for today
	 * ({@link Deputies}): read in the same round trip as the role.
	 */
	@Transactional(readOnly = true)
	public AccessScope of(long userId) {
		Map<Long, AccessScope> read = readInThisTransaction();
		AccessScope scope = read.get(userId);
		if (scope == null) {
			scope = read(userId);
			read.put(userId, scope);
		}
		return scope;
	}

	/**
	 * The scopes already read in the current transaction (a page asks for the reader's
	 * scope once per module it touches; it cannot change in between): kept until the
	 * transaction ends.
	 */
	private Map<Long, AccessScope> readInThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new HashMap<>();
		}
		@SuppressWarnings("unchecked")
		Map<Long, AccessScope> read = (Map<Long, AccessScope>) TransactionSynchronizationManager.getResource(this);
		if (read == null) {
			Map<Long, AccessScope> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(AccessScopes.this);
				}
			});
			read = fresh;
		}
		return read;
	}

	private AccessScope read(long userId) {
		record Found(Role role, Set<Long> absent) {
		}
		Found found = jdbc.sql("""
				select u.role, array(select d.user_id from user_deputies d
				                      where d.deputy_id = u.id and :today between d.starts_on and d.ends_on)
				  from users u where u.id = :user
				""").param("today", today()).param("user", userId).query((rs, row) -> {
			Set<Long> absent = new HashSet<>();
			addAll(absent, rs.getArray(2));
			return new Found(Role.valueOf(rs.getString(1)), absent);
		}).optional().orElseThrow(() -> new IllegalArgumentException("No user " + userId));
		AccessScope own = ownScope(userId, found.role());
		for (long absent : found.absent()) {
			own = widened(own, ownScope(absent, roleOf(absent)));
		}
		return own;
	}

	/** The scope of the user alone, without the users they stand in for. */
	private AccessScope ownScope(long userId, Role role) {
		return switch (role) {
			case ADMINISTRATOR -> new AccessScope(AccessScope.Kind.ALL, userId, Set.of());
			case HEAD_OF_DEPARTMENT -> departmentScope(userId);
			default -> own(userId);
		};
	}

	private Role roleOf(long userId) {
		return jdbc.sql("select role from users where id = ?")
			.param(userId)
			.query((rs, row) -> Role.valueOf(rs.getString(1)))
			.single();
	}

	/**
	 * A deputy's scope together with the absent user's, still computed for the deputy.
	 */
	private static AccessScope widened(AccessScope deputy, AccessScope absent) {
		if (deputy.coversEverything() || absent.coversEverything()) {
			return new AccessScope(AccessScope.Kind.ALL, deputy.userId(), Set.of());
		}
		Set<Long> users = new HashSet<>(deputy.responsibleUserIds());
		users.addAll(absent.responsibleUserIds());
		Set<Long> departments = new HashSet<>(deputy.departmentIds());
		departments.addAll(absent.departmentIds());
		return new AccessScope(AccessScope.Kind.DEPARTMENT, deputy.userId(), users, departments);
	}

	/**
	 * The scopes of several users at once, for a check of many readers against one record
	 * (who of the users connected to live updates may hear of it): one query for the
	 * roles, one per head, one for the deputies among them (widened as {@link #of(long)}
	 * widens them). Unknown users are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, AccessScope> of(Collection<Long> userIds) {
		Map<Long, AccessScope> scopes = new HashMap<>();
		if (userIds.isEmpty()) {
			return scopes;
		}
		jdbc.sql("select id, role from users where id = any(?)").param(userIds.toArray(Long[]::new)).query(rs -> {
			long id = rs.getLong(1);
			scopes.put(id, switch (Role.valueOf(rs.getString(2))) {
				case ADMINISTRATOR -> new AccessScope(AccessScope.Kind.ALL, id, Set.of());
				case HEAD_OF_DEPARTMENT -> null;
				default -> own(id);
			});
		});
		scopes.replaceAll((id, scope) -> scope != null ? scope : departmentScope(id));
		record StandingIn(long deputy, long absent) {
		}
		jdbc.sql("""
				select deputy_id, user_id from user_deputies
				 where deputy_id = any(:deputies) and :today between starts_on and ends_on
				""")
			.param("deputies", userIds.toArray(Long[]::new))
			.param("today", today())
			.query((rs, row) -> new StandingIn(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.filter(standing -> scopes.containsKey(standing.deputy()))
			.forEach(standing -> scopes.put(standing.deputy(),
					widened(scopes.get(standing.deputy()), ownScope(standing.absent(), roleOf(standing.absent())))));
		return scopes;
	}

	private AccessScope departmentScope(long headId) {
		// The departments below the one this user heads (that one included) and every
		// user
		// in them (active or not: their records stay), in one round trip.
		Set<Long> departments = new HashSet<>();
		Set<Long> users = new HashSet<>();
		jdbc.sql("""
				with recursive subtree(id) as (
				  select id from departments where head_user_id = :head
				  union all
				  select d.id from departments d join subtree s on d.parent_id = s.id
				)
				select array(select id from subtree),
				       array(select u.id from users u where u.department_id in (select id from subtree))
				""").param("head", headId).query(rs -> {
			addAll(departments, rs.getArray(1));
			addAll(users, rs.getArray(2));
		});
		if (users.isEmpty()) {
			return own(headId); // a head whose department was taken away sees their own
								// records
		}
		users.add(headId);
		return new AccessScope(AccessScope.Kind.DEPARTMENT, headId, users, departments);
	}

	/** Today in the installation's time zone, as {@link Deputies} counts days. */
	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
	}

	private static void addAll(Set<Long> into, java.sql.Array array) throws java.sql.SQLException {
		for (Object id : (Object[]) array.getArray()) {
			into.add(((Number) id).longValue());
		}
	}

	private static AccessScope own(long userId) {
		return new AccessScope(AccessScope.Kind.OWN, userId, Set.of(userId));
	}

}
