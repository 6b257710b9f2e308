package io.clientele.activities;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sidebar's "My tasks" counter in real browsers: a head gives a manager a task in one
 * browser, and the manager's open page, in another, counts it without reloading.
 */
@ClienteleIntegrationTest
class MyTasksBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void a_task_given_by_the_head_shows_in_the_managers_counter_without_a_reload() {
		Page managers = signedIn(manager, "ru-RU");
		managers.navigate(url("/clients"));
		assertThat(counter(managers)).hasCount(0);
		managers.waitForFunction("document.documentElement.getAttribute('data-live') === 'open'");
		managers.evaluate("window.notReloaded = true");

		Page heads = signedIn(head, "en-GB");
		heads.navigate(url("/tasks/new"));
		heads.locator("[data-test=task-title]").fill("Подготовить коммерческое предложение");
		heads.locator("[data-test=task-executor]").selectOption(Long.toString(manager.id()));
		heads.locator("[data-test=save-task]").click();
		heads.waitForURL(java.util.regex.Pattern.compile(".*/tasks/\\d+$"));

		assertThat(counter(managers)).hasText("1");
		assertThat((Boolean) managers.evaluate("window.notReloaded === true")).as("counted in place").isTrue();
		BrowserExtension.screenshot(managers, "my-tasks-counter-live-desktop-ru");
	}

	private Page signedIn(CurrentUser user, String language) {
		Page page = browser.newPage(language, 1280, 900);
		page.navigate(url("/login"));
		page.locator("#username").fill(user.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.waitForURL(url("/"));
		return page;
	}

	private static Locator counter(Page page) {
		return page.locator("[data-live-refresh=my-tasks] [data-test=nav-badge]");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
