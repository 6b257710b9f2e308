package io.clientele.processes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.DealState;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
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
 * A manager runs two process-controlled deals of the shipped wholesale scenario through
 * both branches of the standard sale from the action pages, reached from "My tasks"; an
 * administrator sets an action's person and checklist in the editor's properties form and
 * gives a scenario its route map.
 */
@ClienteleIntegrationTest
class ProcessDealsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	RouteMaps maps;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	CurrentUser admin;

	long client;

	SalesScenario wholesale;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Станкомаш")), manager);
		wholesale = scenarios.all()
			.stream()
			.filter(scenario -> "standard-sale".equals(scenario.routeMapKey()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void a_deal_runs_through_the_yes_branch_to_won_from_the_task_pages_on_a_desktop() {
		String subject = TestUsers.unique("Linie");
		long deal = open(subject);
		Page page = signIn(manager, "en-GB", 1280, 900);

		page.navigate(url("/my-tasks"));
		Locator link = page.locator("[data-test=task-link]", new Page.LocatorOptions().setHasText(subject));
		assertThat(link).containsText("Квалификация");
		BrowserExtension.screenshot(page, "process-my-tasks-desktop-en");
		link.click();

		assertThat(page.locator("[data-test=process-task-name]")).hasText("Квалификация");
		assertThat(page.locator("[data-test=process-task-stage]")).hasText("Выявление потребностей");
		BrowserExtension.screenshot(page, "process-task-desktop-en");
		page.locator("[data-test=process-task-done]").click();
		assertThat(page.locator("[data-test=process-task-name]")).hasText("Квалификация");
		page.locator("[data-test=process-task-item-0]").check();
		page.locator("[data-test=process-task-item-1]").check();
		page.locator("[data-test=process-task-done]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("Step done");
		assertThat(page.locator("[data-test=process-task-name]")).hasText("Коммерческое предложение");
		assertThat(page.locator("[data-test=process-task-stage]")).hasText("Коммерческое предложение");
		assertThat(page.locator("[data-test=process-task-question-text]")).hasText("Клиент принял предложение?");
		BrowserExtension.screenshot(page, "process-task-question-desktop-en");
		page.locator("[data-test=process-task-item-0]").check();
		page.locator("[data-test=process-task-answer-yes]").click();

		for (String step : List.of("Оформить заказ", "Выставить счёт")) {
			assertThat(page.locator("[data-test=process-task-name]")).hasText(step);
			page.locator("[data-test=process-task-item-0]").check();
			page.locator("[data-test=process-task-done]").click();
		}

		assertThat(page.locator("[data-test=deal-subject]")).hasText(subject);
		assertThat(page.locator("[data-test=deal-state]")).hasText("Won");
		assertThat(page.locator("[data-test=deal-process-map]")).hasAttribute("data-ready", "true");
		assertThat(page.locator("[data-test=deal-process-step]")).hasCount(4);
		assertThat(page.locator("[data-test=deal-process-step-answer]")).hasText("Да");
		assertThat(page.locator("[data-test=deal-process-map] .route-map-passed[data-element-id=invoice]")).hasCount(1);
		BrowserExtension.screenshot(page, "process-deal-won-desktop-en");
		assertThat(deals.card(deal, manager).state()).isEqualTo(DealState.WON);
	}

	@Test
	void a_deal_runs_through_the_no_branch_to_lost_with_a_reason_on_a_phone() {
		String subject = TestUsers.unique("Отказ");
		long deal = open(subject);
		Page page = signIn(manager, "ru-RU", 390, 844);

		page.navigate(url("/deals/" + deal));
		assertThat(page.locator("[data-test=deal-process-map]")).hasAttribute("data-ready", "true");
		assertThat(page.locator("[data-test=deal-process-map] .route-map-current[data-element-id=qualification]"))
			.hasCount(1);
		BrowserExtension.screenshot(page, "process-deal-running-phone-ru");
		page.locator("[data-test=deal-process-open]").click();
		page.locator("[data-test=process-task-item-0]").check();
		page.locator("[data-test=process-task-item-1]").check();
		page.locator("[data-test=process-task-done]").click();
		page.locator("[data-test=process-task-item-0]").check();
		BrowserExtension.screenshot(page, "process-task-question-phone-ru");
		page.locator("[data-test=process-task-answer-no]").click();

		assertThat(page.locator("[data-test=process-task-name]")).hasText("Указать причину отказа и закрыть");
		page.locator("[data-test=process-task-done]").click();
		assertThat(page.locator("[data-test=process-task-name]")).hasText("Указать причину отказа и закрыть");
		page.locator("[data-test=process-task-loss-reason]")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
		page.locator("[data-test=process-task-loss-note]").fill("Купили у конкурента");
		BrowserExtension.screenshot(page, "process-task-loss-phone-ru");
		page.locator("[data-test=process-task-done]").click();

		assertThat(page.locator("[data-test=deal-state]")).hasText("Проиграна");
		assertThat(page.locator("[data-test=deal-loss-reason]")).containsText("Купили у конкурента");
		assertThat(page.locator("[data-test=deal-process-step]")).hasCount(3);
		assertThat(page.locator("[data-test=deal-process-step-answer]")).hasText("Нет");
		BrowserExtension.screenshot(page, "process-deal-lost-phone-ru");
		assertThat(deals.card(deal, manager).state()).isEqualTo(DealState.LOST);
	}

	@Test
	void an_administrator_sets_an_actions_person_and_checklist_and_gives_a_scenario_its_map() {
		String key = TestUsers.unique("check-order");
		maps.deploy(RouteMapFiles.twoActions(key, "Check the order", "Check stock", "Confirm"));
		Page page = signIn(admin, "en-GB", 1280, 900);
		page.navigate(url("/admin/route-maps/" + key + "/versions/1/edit"));
		assertThat(page.locator("[data-test=route-map-canvas]")).hasAttribute("data-ready", "true");

		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=first]").click();
		assertThat(page.locator("[data-test=prop-name]")).hasText("Check stock");
		page.locator("[data-test=prop-assignee-kind]").selectOption("role");
		page.locator("[data-test=prop-assignee-role]").selectOption("HEAD_OF_DEPARTMENT");
		page.locator("[data-test=prop-stage]").fill("2");
		page.locator("[data-test=prop-stage]").press("Tab");
		page.locator("[data-test=prop-checklist]").fill("Stock counted\nReserved");
		page.locator("[data-test=prop-checklist]").press("Tab");
		BrowserExtension.screenshot(page, "route-map-properties-desktop-en");
		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=end]").click();
		page.locator("[data-test=prop-outcome]").selectOption("won");
		page.locator("[data-test=save-route-map]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("deployed as version 2");
		String saved = new String(maps.export(key, 2), StandardCharsets.UTF_8);
		assertThat(saved).contains("clientele:assignee=\"role:HEAD_OF_DEPARTMENT\"", "clientele:stage=\"2\"",
				"clientele:checklist=\"Stock counted&#10;Reserved\"", "clientele:outcome=\"won\"");

		long scenario = scenarios.createScenario(TestUsers.unique("Orders"));
		scenarios.addStage(scenario, "New", 10, null);
		scenarios.addStage(scenario, "Checked", 50, null);
		page.navigate(url("/admin/scenarios?scenario=" + scenario));
		page.locator("[data-test=scenario-route-map-key]").selectOption(key);
		page.locator("[data-test=save-scenario-route-map]").click();
		assertThat(page.locator("[data-test=notice]")).isVisible();
		assertThat(page.locator("[data-test=scenario-route-map-key]")).hasValue(key);
		BrowserExtension.screenshot(page, "scenario-route-map-desktop-en");
		assertThat(scenarios.scenario(scenario).routeMapKey()).isEqualTo(key);
	}

	private long open(String subject) {
		return deals.create(new DealDraft(client, null, subject, null, null, wholesale.id(), null,
				DealMode.PROCESS_CONTROLLED, new BigDecimal("480000.00"), "RUB", null, null, null, null, List.of(),
				List.of(), List.of(), Map.of()), manager);
	}

	private Page signIn(CurrentUser user, String language, int width, int height) {
		Page page = browser.newPage(language, width, height);
		page.navigate(url("/login"));
		page.locator("#username").fill(user.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
