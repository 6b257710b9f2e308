package io.clientele.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
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
class ErrorPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ApiTokens tokens;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.rootDepartment());
	}

	@Test
	void a_missing_page_answers_404_with_a_friendly_page_in_the_users_language() {
		var russian = signedIn("ru").get("/no/such/page");
		assertThat(russian.statusCode()).isEqualTo(404);
		assertThat(russian.body()).contains("Не найдено").contains("На главную");
		var english = signedIn("en").get("/no/such/page");
		assertThat(english.statusCode()).isEqualTo(404);
		assertThat(english.body()).contains("Not found").contains("To the start page");
	}

	@Test
	void a_page_the_role_does_not_allow_answers_403_with_a_friendly_page() {
		var russian = signedIn("ru").get("/admin/users");
		assertThat(russian.statusCode()).isEqualTo(403);
		assertThat(russian.body()).contains("Нет доступа");
		assertThat(signedIn("en").get("/admin/departments").body()).contains("No access");
	}

	@Test
	void an_unexpected_failure_answers_500_with_a_friendly_page_that_reveals_nothing() {
		var page = signedIn("ru").get("/test/failing-page");
		assertThat(page.statusCode()).isEqualTo(500);
		assertThat(page.body()).contains("Что-то пошло не так")
			.doesNotContain("on purpose")
			.doesNotContain("Exception");
		assertThat(signedIn("en").get("/test/failing-page").body()).contains("Something went wrong");
	}

	@Test
	void pages_and_error_pages_link_browser_libraries_by_their_version_and_other_links_as_written() {
		var browser = signedIn("en");
		Pattern versioned = Pattern.compile("/webjars/tabler__core/\\d+\\.\\d+\\.\\d+/dist/js/tabler\\.min\\.js");
		for (String path : List.of("/", "/no/such/page", "/test/failing-page")) {
			String page = browser.get(path).body();
			assertThat(page).as(path).containsPattern(versioned).doesNotContain("/webjars/tabler__core/dist/");
			Matcher link = versioned.matcher(page);
			assertThat(link.find()).isTrue();
			var library = browser.download(link.group());
			assertThat(library.statusCode()).as(link.group()).isEqualTo(200);
			assertThat(library.body().length).isGreaterThan(10_000);
		}
		assertThat(browser.get("/").body()).contains("href=\"/clients\"")
			.contains("href=\"/static/css/clientele.css\"");
	}

	@Test
	void api_errors_are_problem_details() throws Exception {
		String token = tokens.issue(manager.id(), "errors").secret();
		var client = HttpClient.newHttpClient();
		var missing = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(missing.body()).contains("\"status\":404");

		var failing = client
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/test/failing"))
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", "ru")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failing.statusCode()).isEqualTo(500);
		assertThat(failing.body()).contains("Непредвиденная ошибка").doesNotContain("on purpose");
	}

	private WebSession signedIn(String language) {
		var browser = new WebSession(port, language);
		browser.signIn(manager.getUsername(), TestUsers.PASSWORD);
		return browser;
	}

}
