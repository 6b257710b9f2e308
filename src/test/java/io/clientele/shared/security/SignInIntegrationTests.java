package io.clientele.shared.security;

import java.util.Map;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
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

@ClienteleIntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.rootDepartment());
	}

	@Test
	void the_sign_in_page_speaks_the_browsers_language() {
		assertThat(new WebSession(port, "ru-RU,ru;q=0.9").get("/login").body()).contains("Вход в Clientele");
		assertThat(new WebSession(port, "en-GB").get("/login").body()).contains("Sign in to Clientele");
	}

	@Test
	void a_page_asked_for_before_signing_in_opens_after_signing_in() {
		var browser = new WebSession(port, "en");
		assertThat(browser.get("/account").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
		var signedIn = browser.follow(browser.signIn(manager.getUsername(), TestUsers.PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(signedIn.body()).contains(manager.displayName()).contains("<h1 class=\"page-title\">Profile</h1>");
	}

	@Test
	void pages_asked_for_at_once_right_after_signing_in_all_open() throws Exception {
		// Each of them adds the same new attribute (the CSRF token) to the fresh session.
		var browser = new WebSession(port, "en");
		browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			var pages = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 8; i++) {
				pages.add(pool.submit(() -> browser.get("/account").statusCode()));
			}
			for (var page : pages) {
				assertThat(page.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void a_wrong_password_is_refused_with_a_message() {
		var browser = new WebSession(port, "en");
		var page = browser.follow(browser.signIn(manager.getUsername(), "not-the-password"));
		assertThat(page.body()).contains("Wrong user name or password.")
			.contains("value=\"" + manager.getUsername() + "\"");
	}

	@Test
	void five_wrong_passwords_pause_sign_in_for_the_account_and_the_refusal_says_so() {
		var browser = new WebSession(port, "en");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(browser.signIn(manager.getUsername(), "wrong-" + attempt).headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("error=credentials"));
		}
		// Even the right password is refused now, and the page says why and for how long.
		var refused = browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("error=throttled").matches(".*wait=([1-9]\\d*)$"));
		assertThat(browser.follow(refused).body()).contains("Too many wrong passwords for this account");

		// The pause belongs to the account, not to the browser.
		var otherBrowser = new WebSession(port, "ru");
		assertThat(otherBrowser.follow(otherBrowser.signIn(manager.getUsername(), TestUsers.PASSWORD)).body())
			.contains("Слишком много неверных паролей");
	}

	@Test
	void a_deactivated_user_cannot_sign_in_and_is_told_so() {
		jdbc.sql("update users set active = false where id = ?").param(manager.id()).update();
		var browser = new WebSession(port, "en");
		var page = browser.follow(browser.signIn(manager.getUsername(), TestUsers.PASSWORD));
		assertThat(page.body()).contains("This account has been deactivated");
	}

	@Test
	void a_user_with_a_one_time_password_must_choose_their_own_before_anything_else() {
		jdbc.sql("update users set must_change_password = true where id = ?").param(manager.id()).update();
		var browser = new WebSession(port, "en");
		browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		var home = browser.get("/");
		assertThat(home.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/account/password"));
		assertThat(browser.get("/account/password").body()).contains("Choose your own password before you continue.");

		var changed = browser.post("/account/password", Map.of("currentPassword", TestUsers.PASSWORD, "newPassword",
				"a much better phrase", "repeatPassword", "a much better phrase"));
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(java.net.URI.create(location).getPath()).isEqualTo("/"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select must_change_password from users where id = ?")
			.param(manager.id())
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void an_expired_session_sends_the_user_back_to_sign_in_with_a_notice() {
		var browser = new WebSession(port, "en");
		browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		// The session's time runs out (the timeout is spring.session.timeout).
		jdbc.sql("update spring_session set last_access_time = 0, expiry_time = 0 where principal_name = ?")
			.param(manager.getUsername())
			.update();

		var next = browser.get("/account");
		assertThat(next.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
		assertThat(browser.follow(next).body()).contains("Your session has expired.");
	}

	@Test
	void signing_out_ends_the_session() {
		var browser = new WebSession(port, "en");
		browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		browser.get("/");
		var signedOut = browser.follow(browser.post("/logout", Map.of()));
		assertThat(signedOut.body()).contains("You have signed out.");
		assertThat(browser.get("/account").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).contains("/login"));
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(manager.getUsername())
			.query(Long.class)
			.single()).isZero();
	}

}
