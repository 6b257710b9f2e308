package io.clientele.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users as other modules need them: names for display, people to pick as responsible.
 */
@Service
public class UserDirectory {

	private static final String SELECT = """
			select u.id, u.full_name, u.role, u.department_id, d.name as department_name, u.active
			  from users u join departments d on d.id = u.department_id
			""";

	private final JdbcClient jdbc;

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, full_name from users where id = any(?)").param(ids.toArray(Long[]::new)).query(rs -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return names;
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(long id) {
		return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserDirectory::summary).optional();
	}

	/** Where and in which language to write to a user by e-mail. */
	public record MailAddress(long id, String fullName, String email, @Nullable String locale) {
	}

	/**
	 * The e-mail address of an active user who has one (and the language they chose, if
	 * any), or empty.
	 */
	@Transactional(readOnly = true)
	public Optional<MailAddress> mailAddress(long id) {
		return jdbc
			.sql("select id, full_name, email, locale from users where id = ? and active and coalesce(email, '') <> ''")
			.param(id)
			.query((rs, n) -> new MailAddress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/**
	 * An active user as the reader of something served to them without a session (their
	 * calendar feed), or empty.
	 */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> active(long id) {
		return jdbc.sql("""
				select u.id, u.username, u.full_name, u.role, u.department_id, d.name, u.locale
				  from users u join departments d on d.id = u.department_id where u.id = ? and u.active
				""")
			.param(id)
			.query((rs, n) -> new CurrentUser(rs.getLong(1), rs.getString(2), null, rs.getString(3),
					Role.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6),
					rs.getString(7) == null ? null : java.util.Locale.forLanguageTag(rs.getString(7)), true, false))
			.optional();
	}

	/**
	 * The language a user chose ({@code ru}, {@code en}), or null when they chose none.
	 */
	@Transactional(readOnly = true)
	public @Nullable String language(long id) {
		return jdbc.sql("select locale from users where id = ?").param(id).query(String.class).optional().orElse(null);
	}

	/**
	 * The active users whose records the scope covers: whom a head may make responsible,
	 * or everybody for an administrator. Sorted by name.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> activeWithin(AccessScope scope) {
		return scope
			.bind(jdbc
				.sql(SELECT + " where u.active and " + scope.sqlCondition("u.id") + " order by lower(u.full_name)"))
			.query(UserDirectory::summary)
			.list();
	}

	/**
	 * Every user, active or not (a departing user's work is handed over after they were
	 * deactivated), active first, by name.
	 */
	@Transactional(readOnly = true)
	public List<UserSummary> all() {
		return jdbc.sql(SELECT + " order by u.active desc, lower(u.full_name)").query(UserDirectory::summary).list();
	}

	/**
	 * The ids of the active people with this role in the department (not below it),
	 * oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Long> activeIn(long departmentId, Role role) {
		return jdbc.sql("select id from users where department_id = ? and role = ? and active order by id")
			.params(departmentId, role.name())
			.query(Long.class)
			.list();
	}

	/**
	 * The ids of everyone (active or not: their records stay) in the department and the
	 * departments below it.
	 */
	@Transactional(readOnly = true)
	public List<Long> inDepartmentTree(long departmentId) {
		return jdbc.sql("""
				with recursive subtree(id) as (
				  select id from departments where id = :department
				  union all
				  select d.id from departments d join subtree s on d.parent_id = s.id
				)
				select u.id from users u where u.department_id in (select id from subtree) order by u.id
				""").param("department", departmentId).query(Long.class).list();
	}

	/**
	 * The head of the user's department: its head, or when it has none (or the user heads
	 * it), the head of the nearest department above; active heads only. Empty at the top.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> headOf(long userId) {
		return jdbc
			.sql("""
					with recursive up(id, parent_id, head_user_id, depth) as (
					  select d.id, d.parent_id, d.head_user_id, 0 from departments d join users u on u.department_id = d.id
					   where u.id = :user
					  union all
					  select d.id, d.parent_id, d.head_user_id, up.depth + 1 from departments d join up on d.id = up.parent_id
					)
					select h.id from up join users h on h.id = up.head_user_id
					 where h.active and h.id <> :user order by up.depth limit 1
					""")
			.param("user", userId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The active person with this role nearest to the user: in the user's department (the
	 * user themself first), else in the nearest department above; the oldest account
	 * among several. Empty when nobody up the tree has the role.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> nearestWithRole(long userId, Role role) {
		return jdbc
			.sql("""
					with recursive up(id, parent_id, depth) as (
					  select d.id, d.parent_id, 0 from departments d join users u on u.department_id = d.id where u.id = :user
					  union all
					  select d.id, d.parent_id, up.depth + 1 from departments d join up on d.id = up.parent_id
					)
					select p.id from up join users p on p.department_id = up.id
					 where p.active and p.role = :role order by up.depth, p.id <> :user, p.id limit 1
					""")
			.param("user", userId)
			.param("role", role.name())
			.query(Long.class)
			.optional();
	}

	/** A department by name, for pickers. */
	public record DepartmentName(long id, String name) {
	}

	/** Every department, by name. */
	@Transactional(readOnly = true)
	public List<DepartmentName> departments() {
		return jdbc.sql("select id, name from departments order by parent_id nulls first, lower(name)")
			.query((rs, n) -> new DepartmentName(rs.getLong(1), rs.getString(2)))
			.list();
	}

	private static UserSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new UserSummary(rs.getLong("id"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
				rs.getLong("department_id"), rs.getString("department_name"), rs.getBoolean("active"));
	}

}
