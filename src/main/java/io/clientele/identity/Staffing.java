package io.clientele.identity;

import io.clientele.identity.internal.DepartmentTree;
import io.clientele.identity.internal.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up departments and people in one go, for the demo company and generated data sets;
 * the people get a known password and need not change it.
 */
@Service
public class Staffing {

	private final DepartmentTree departments;

	private final UserAccounts accounts;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	Staffing(DepartmentTree departments, UserAccounts accounts, JdbcClient jdbc, PasswordEncoder encoder) {
		this.departments = departments;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Transactional(readOnly = true)
	public long company() {
		return jdbc.sql("select id from departments where parent_id is null").query(Long.class).single();
	}

	@Transactional
	public long department(String name, long parentId) {
		return departments.create(name, parentId);
	}

	/** A person with this password, ready to sign in. */
	@Transactional
	public CurrentUser person(String username, String fullName, Role role, long departmentId, String password) {
		var created = accounts.create(new UserAccounts.NewUser(username, fullName, null, role, departmentId));
		jdbc.sql("update users set password_hash = ?, must_change_password = false where id = ?")
			.params(encoder.encode(password), created.id())
			.update();
		String departmentName = jdbc.sql("select name from departments where id = ?")
			.param(departmentId)
			.query(String.class)
			.single();
		return new CurrentUser(created.id(), username, null, fullName, role, departmentId, departmentName, null, true,
				false);
	}

	/** The first administrator, to act for the system when it fills in data. */
	@Transactional(readOnly = true)
	public CurrentUser administrator() {
		return jdbc.sql("""
				select u.id, u.username, u.full_name, u.department_id, d.name from users u
				  join departments d on d.id = u.department_id
				 where u.role = 'ADMINISTRATOR' and u.active order by u.id limit 1
				""")
			.query((rs, n) -> new CurrentUser(rs.getLong(1), rs.getString(2), null, rs.getString(3), Role.ADMINISTRATOR,
					rs.getLong(4), rs.getString(5), null, true, false))
			.single();
	}

}
