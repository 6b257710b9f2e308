package io.clientele.support;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes departments and users for a test, each with a unique name, straight in the
 * database (the user administration itself is tested through its pages and service).
 */
public final class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	private final String passwordHash;

	public TestUsers(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.passwordHash = encoder.encode(PASSWORD);
	}

	public static String unique(String prefix) {
		return prefix + "-" + sequence.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
	}

	public long rootDepartment() {
		return jdbc.sql("select id from departments where parent_id is null").query(Long.class).single();
	}

	public long department(String name, long parentId) {
		return jdbc.sql("insert into departments (name, parent_id) values (?, ?) returning id")
			.params(unique(name), parentId)
			.query(Long.class)
			.single();
	}

	/** An active user with the password {@link #PASSWORD}, who need not change it. */
	public CurrentUser user(Role role, long departmentId) {
		String username = unique(role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		long id = jdbc.sql("""
				insert into users (username, full_name, password_hash, role, department_id, must_change_password)
				values (?, ?, ?, ?, ?, false) returning id
				""")
			.params(username, "Test " + username, passwordHash, role.name(), departmentId)
			.query(Long.class)
			.single();
		if (role == Role.HEAD_OF_DEPARTMENT) {
			jdbc.sql("update departments set head_user_id = ? where id = ?").params(id, departmentId).update();
		}
		String departmentName = jdbc.sql("select name from departments where id = ?")
			.param(departmentId)
			.query(String.class)
			.single();
		return new CurrentUser(id, username, passwordHash, "Test " + username, role, departmentId, departmentName, null,
				true, false);
	}

}
