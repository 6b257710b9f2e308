package io.clientele.identity;

import java.util.List;

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
		long id = accounts.createWithPassword(new UserAccounts.NewUser(username, fullName, null, role, departmentId),
				encoder.encode(password));
		String departmentName = jdbc.sql("select name from departments where id = ?")
			.param(departmentId)
			.query(String.class)
			.single();
		return new CurrentUser(id, username, null, fullName, role, departmentId, departmentName, null, true, false);
	}

	/** A person to set up in bulk. */
	public record Person(String username, String fullName, Role role, long departmentId) {
	}

	/**
	 * Many people with one password, hashed once (a data set of hundreds of people should
	 * not spend minutes on bcrypt). A head heads the department they are put in.
	 */
	@Transactional
	public void people(List<Person> people, String password) {
		String hash = encoder.encode(password);
		for (Person person : people) {
			accounts.createWithPassword(new UserAccounts.NewUser(person.username(), person.fullName(), null,
					person.role(), person.departmentId()), hash);
		}
	}

	/** The ids of the active people with this role, in the order they were created. */
	@Transactional(readOnly = true)
	public List<Long> ids(Role role) {
		return jdbc.sql("select id from users where role = ? and active order by id")
			.param(role.name())
			.query(Long.class)
			.list();
	}

	/** A person and the department they work in. */
	public record Member(long id, long departmentId) {
	}

	/**
	 * The active people with this role and their departments, in the order they were
	 * created.
	 */
	@Transactional(readOnly = true)
	public List<Member> members(Role role) {
		return jdbc.sql("select id, department_id from users where role = ? and active order by id")
			.param(role.name())
			.query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2)))
			.list();
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
