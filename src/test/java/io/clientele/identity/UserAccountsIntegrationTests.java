package io.clientele.identity;

import io.clientele.identity.internal.UserAccounts;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ClienteleIntegrationTest
class UserAccountsIntegrationTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@LocalServerPort
	int port;

	TestUsers users;

	long department;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		department = users.department("Sales", users.rootDepartment());
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
	}

	@Test
	void a_new_user_gets_a_one_time_password_that_is_stored_hashed_and_must_be_changed() {
		String username = TestUsers.unique("anna");
		var created = accounts
			.create(new UserAccounts.NewUser(username, "Anna Petrova", null, Role.SALES_MANAGER, department));
		var row = jdbc.sql("select password_hash, must_change_password from users where id = ?")
			.param(created.id())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2) })
			.single();
		assertThat((String) row[0]).startsWith("{bcrypt}").doesNotContain(created.temporaryPassword());
		assertThat(encoder.matches(created.temporaryPassword(), (String) row[0])).isTrue();
		assertThat((Boolean) row[1]).isTrue();
	}

	@Test
	void user_names_are_unique_whatever_their_case() {
		String username = TestUsers.unique("boris");
		accounts.create(new UserAccounts.NewUser(username, "Boris", null, Role.SALES_MANAGER, department));
		assertThatThrownBy(() -> accounts
			.create(new UserAccounts.NewUser(username.toUpperCase(), "Boris 2", null, Role.SALES_MANAGER, department)))
			.extracting("field", "messageKey")
			.containsExactly("username", "user.username.taken");
	}

	@Test
	void a_head_of_department_heads_their_department_and_a_second_head_is_refused() {
		var head = accounts.create(new UserAccounts.NewUser(TestUsers.unique("head"), "Head One", null,
				Role.HEAD_OF_DEPARTMENT, department));
		assertThat(headOf(department)).isEqualTo(head.id());
		assertThatThrownBy(() -> accounts.create(new UserAccounts.NewUser(TestUsers.unique("head"), "Head Two", null,
				Role.HEAD_OF_DEPARTMENT, department)))
			.extracting("field", "messageKey")
			.containsExactly("role", "user.department-has-head");
	}

	@Test
	void a_head_moved_to_another_department_heads_that_one_instead() {
		long other = users.department("Service", users.rootDepartment());
		var head = accounts.create(
				new UserAccounts.NewUser(TestUsers.unique("head"), "Head", null, Role.HEAD_OF_DEPARTMENT, department));
		accounts.edit(head.id(), new UserAccounts.UserChange("Head", null, Role.HEAD_OF_DEPARTMENT, other,
				accounts.user(head.id()).version()), admin.id());
		assertThat(headOf(department)).isNull();
		assertThat(headOf(other)).isEqualTo(head.id());
	}

	@Test
	void a_deactivated_user_keeps_their_record_loses_their_head_seat_and_their_sessions() {
		var head = users.user(Role.HEAD_OF_DEPARTMENT, department);
		var browser = new WebSession(port, "en");
		browser.signIn(head.getUsername(), TestUsers.PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		accounts.deactivate(head.id(), accounts.user(head.id()).version(), admin.id());

		assertThat(accounts.user(head.id()).active()).isFalse();
		assertThat(headOf(department)).isNull();
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void nobody_deactivates_themselves_nor_the_last_active_administrator() {
		assertThatThrownBy(() -> accounts.deactivate(admin.id(), accounts.user(admin.id()).version(), admin.id()))
			.extracting("messageKey")
			.isEqualTo("user.cannot-deactivate-self");
		// Every other administrator of the shared test database is switched off for a
		// moment.
		var others = jdbc.sql("select id from users where role = 'ADMINISTRATOR' and active and id <> ?")
			.param(admin.id())
			.query(Long.class)
			.list();
		var manager = users.user(Role.ADMINISTRATOR, department);
		try {
			jdbc.sql("update users set active = false where id = any(?)").param(others.toArray(Long[]::new)).update();
			accounts.deactivate(manager.id(), accounts.user(manager.id()).version(), admin.id());
			assertThatThrownBy(() -> accounts.deactivate(admin.id(), accounts.user(admin.id()).version(), manager.id()))
				.extracting("messageKey")
				.isEqualTo("user.last-administrator");
		}
		finally {
			jdbc.sql("update users set active = true where id = any(?)").param(others.toArray(Long[]::new)).update();
		}
	}

	@Test
	void a_password_reset_gives_a_new_one_time_password() {
		var manager = users.user(Role.SALES_MANAGER, department);
		String temporary = accounts.resetPassword(manager.id());
		var browser = new WebSession(port, "en");
		assertThat(browser.follow(browser.signIn(manager.getUsername(), TestUsers.PASSWORD)).body())
			.contains("Wrong user name or password.");
		browser.signIn(manager.getUsername(), temporary);
		assertThat(browser.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
	}

	@Test
	void an_edit_based_on_an_old_version_is_refused() {
		var manager = users.user(Role.SALES_MANAGER, department);
		long seen = accounts.user(manager.id()).version();
		accounts.edit(manager.id(), new UserAccounts.UserChange("New Name", null, Role.SALES_MANAGER, department, seen),
				admin.id());
		assertThatThrownBy(() -> accounts.edit(manager.id(),
				new UserAccounts.UserChange("Other Name", null, Role.MARKETER, department, seen), admin.id()))
			.isInstanceOf(ConcurrentEdit.class);
		assertThat(accounts.user(manager.id()).fullName()).isEqualTo("New Name");
		assertThat(accounts.user(manager.id()).role()).isEqualTo(Role.SALES_MANAGER);
	}

	private Long headOf(long departmentId) {
		return jdbc.sql("select head_user_id from departments where id = ?")
			.param(departmentId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
