package io.clientele.activities;

import com.microsoft.playwright.Page;
import io.clientele.clients.ClientService;
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

/**
 * A manager plans a call from a client's card, completes it planning a meeting in the
 * same step, and sees both in the client's timeline — on a desktop in English and on a
 * phone in Russian.
 */
@ClienteleIntegrationTest
class InteractionsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Продажи", users.rootDepartment()));
	}

	@Test
	void a_call_logged_from_the_client_card_is_completed_with_the_next_step_planned_on_a_desktop() {
		logCallCompleteItAndPlanTheNext("en-US", 1280, 900, "desktop-en", "Meeting");
	}

	@Test
	void a_call_logged_from_the_client_card_is_completed_with_the_next_step_planned_on_a_phone() {
		logCallCompleteItAndPlanTheNext("ru-RU", 390, 844, "phone-ru", "Встреча");
	}

	private void logCallCompleteItAndPlanTheNext(String language, int width, int height, String shot,
			String meetingWord) {
		long client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Ромашка")), manager);
		Page page = browser.newPage(language, width, height);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		page.navigate(url("/clients/" + client));
		// a new client's timeline holds its creation only
		assertThat(page.locator("[data-test=history] [data-test=history-entry]")).hasCount(1);
		page.locator("[data-test=log-interaction]").click();
		page.locator("[data-test=interaction-state]").selectOption("PLANNED");
		page.locator("[data-test=interaction-at]").fill("2030-05-06T10:30");
		page.locator("[data-test=interaction-subject]").fill("Уточнить потребность в станках");
		assertThat(page.locator("[data-test=interaction-direction]")).isVisible();
		BrowserExtension.screenshot(page, "interaction-form-" + shot);
		page.locator("[data-test=save-interaction]").click();

		assertThat(page.locator("[data-test=notice]")).isVisible();
		assertThat(page.locator("[data-test=timeline-interaction]")).hasCount(1);
		assertThat(page.locator("[data-test=timeline-state]")).isVisible();
		page.locator("[data-test=timeline-complete]").click();

		page.locator("[data-test=complete-result]").fill("Нужны три станка, договорились о встрече");
		page.locator("[data-test=complete-minutes]").fill("20");
		page.locator("[data-test=next-kind]").selectOption("MEETING");
		page.locator("[data-test=next-at]").fill("2030-05-08T15:00");
		page.locator("[data-test=next-subject]").fill("Встреча в офисе клиента");
		BrowserExtension.screenshot(page, "interaction-complete-" + shot);
		page.locator("[data-test=confirm-complete]").click();

		assertThat(page.locator("[data-test=timeline-interaction]")).hasCount(2);
		assertThat(page.locator("[data-test=timeline-interaction]").first()).containsText("Встреча в офисе клиента");
		assertThat(page.locator("[data-test=timeline-interaction]").first()).containsText(meetingWord);
		assertThat(page.locator("[data-test=timeline-interaction]").nth(1))
			.containsText("Нужны три станка, договорились о встрече");
		BrowserExtension.screenshot(page, "client-timeline-" + shot);

		page.locator("[data-test=timeline-kind-MEETING]").check();
		assertThat(page.locator("[data-test=timeline-interaction]")).hasCount(1);

		page.navigate(url("/interactions"));
		assertThat(page.locator("[data-test=client-row]")).hasCount(2);
		BrowserExtension.screenshot(page, "interactions-list-" + shot);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
