package io.clientele.deals;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
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
 * A manager on a phone, in Russian, opens a deal from a client's card, moves it a stage
 * on, ticks the stage's checklist when it holds the deal, and wins it.
 */
@ClienteleIntegrationTest
class DealsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	DealService deals;

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
	void a_deal_opened_from_the_client_card_moves_a_stage_on_and_is_won() {
		String name = TestUsers.unique("ООО Станкопром");
		long client = clients.create(DealFixtures.client(name), manager);
		var wholesale = scenarios.active().get(0);
		var second = wholesale.activeStages().get(1);

		Page page = browser.newPage("ru-RU", 390, 844);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		page.navigate(url("/clients/" + client));
		page.locator("[data-test=new-deal]").click();
		page.locator("[data-test=deal-subject]").fill("Поставка трёх станков");
		page.locator("[data-test=add-line]").click();
		page.locator("input[name='lines[0].product']").fill("Станок токарный");
		page.locator("input[name='lines[0].quantity']").fill("3");
		page.locator("input[name='lines[0].price']").fill("450000");
		page.locator("input[name='lines[0].discount']").fill("5");
		BrowserExtension.screenshot(page, "deal-form-phone-ru");
		page.locator("[data-test=save-deal]").click();

		assertThat(page.locator("[data-test=deal-subject]")).hasText("Поставка трёх станков");
		assertThat(page.locator("[data-test=deal-amount]")).containsText("1 282 500,00");
		assertThat(page.locator("[data-test=current-stage]")).hasText(wholesale.activeStages().get(0).name());
		BrowserExtension.screenshot(page, "deal-card-phone-ru");

		page.locator("[data-test=move-to-" + second.position() + "]").click();
		assertThat(page.locator("[data-test=current-stage]")).hasText(second.name());
		page.locator("[data-test=win-deal]").click();
		assertThat(page.locator("[data-test=failure]")).containsText("Перед уходом с этапа");
		BrowserExtension.screenshot(page, "deal-checklist-refused-phone-ru");

		for (var item : second.checklist().stream().filter(item -> !item.optional()).toList()) {
			page.locator("[data-test=tick-" + item.id() + "]").click();
		}
		page.locator("[data-test=win-deal]").click();

		assertThat(page.locator("[data-test=deal-state]")).hasText("Выиграна");
		assertThat(page.locator("[data-test=notice]")).containsText("Сделка выиграна");
		assertThat(page.locator("[data-test=visit]")).hasCount(2);
		BrowserExtension.screenshot(page, "deal-won-phone-ru");

		page.navigate(url("/clients/" + client));
		assertThat(page.locator("[data-test=client-deals] [data-test=deal-row]")).hasCount(1);
		page.navigate(url("/deals"));
		assertThat(page.locator("[data-test=client-row]")).hasCount(1);
		assertThat(page.locator("[data-test=client-row]")).containsText(name);
		assertThat(page.locator("[data-test=totals]")).isVisible();
		BrowserExtension.screenshot(page, "deal-list-phone-ru");
	}

	@Test
	void a_new_deal_starts_in_the_scenario_and_stage_chosen_on_the_form() {
		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Монтаж")), manager);
		var other = scenarios.active().get(1);
		var stage = other.activeStages().get(1);

		Page page = browser.newPage("en-GB", 1280, 900);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.navigate(url("/deals/new?clientId=" + client));
		page.locator("[data-test=deal-subject]").fill("Монтаж линии");
		page.locator("[data-test=deal-scenario]").selectOption(String.valueOf(other.id()));

		assertThat(page.locator("[data-test=deal-stage] option")).hasCount(other.activeStages().size());
		assertThat(page.locator("[data-test=deal-stage] option").first()).hasAttribute("value",
				String.valueOf(other.activeStages().get(0).id()));
		assertThat(page.locator("#form-estimate")).hasCount(1);
		page.locator("[data-test=deal-stage]").selectOption(String.valueOf(stage.id()));
		assertThat(page.locator("#form-estimate")).hasCount(1);
		BrowserExtension.screenshot(page, "deal-form-stage-chosen-desktop-en");
		page.locator("[data-test=save-deal]").click();

		assertThat(page.locator("[data-test=current-stage]")).hasText(stage.name());
	}

	@Test
	void the_filter_panel_loads_when_opened_offers_the_heads_people_only_and_filters_by_the_one_chosen() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		CurrentUser head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		CurrentUser first = users.user(Role.SALES_MANAGER, sales);
		CurrentUser second = users.user(Role.SALES_MANAGER, sales);
		CurrentUser elsewhere = users.user(Role.SALES_MANAGER, users.department("Сервис", users.rootDepartment()));
		var fixtures = new DealFixtures(scenarios);
		String firsts = TestUsers.unique("Поставка первого");
		deals.create(fixtures.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Первый")), first), firsts),
				first);
		deals.create(fixtures.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Второй")), second),
				TestUsers.unique("Поставка второго")), second);

		for (String language : new String[] { "en-GB", "ru-RU" }) {
			boolean english = language.startsWith("en");
			Page page = english ? browser.newPage(language, 1280, 900) : browser.newPage(language, 390, 844);
			page.navigate(url("/login"));
			page.locator("#username").fill(head.getUsername());
			page.locator("#password").fill(TestUsers.PASSWORD);
			page.locator("[data-test=sign-in]").click();
			page.navigate(url("/deals"));
			assertThat(page.locator("#f-responsible")).hasCount(0);

			page.locator("[data-test=more-filters-toggle]").click();
			Locator responsible = page.locator("#f-responsible");
			assertThat(responsible).isVisible();
			assertThat(page.locator("[data-test=filters-loading]")).hasCount(0);
			assertThat(responsible.locator("option[value='" + first.id() + "']")).hasCount(1);
			assertThat(responsible.locator("option[value='" + head.id() + "']")).hasCount(1);
			assertThat(responsible.locator("option[value='" + elsewhere.id() + "']")).hasCount(0);
			// opened all the way (no longer sliding open)
			assertThat(page.locator("#more-filters")).hasClass(Pattern.compile("(^|\\s)show(\\s|$)"));
			BrowserExtension.screenshot(page, "deal-list-filters-open-" + (english ? "desktop-en" : "phone-ru"));

			responsible.selectOption(String.valueOf(first.id()));
			page.locator("[data-test=apply-filters]").click();
			assertThat(page.locator("[data-test=client-row]")).hasCount(1);
			assertThat(page.locator("[data-test=client-row]")).containsText(firsts);
			assertThat(page.locator("#f-responsible")).isVisible();
			assertThat(page.locator("#f-responsible")).hasValue(String.valueOf(first.id()));
			page.close();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
