package io.clientele.processes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.DealState;
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
 * The whole way of a route map an administrator draws: a question with two answers drawn
 * in the editor with the mouse and the keyboard, the map given to a new scenario, and two
 * deals of that scenario run by their manager through each answer, one to won and one to
 * lost.
 */
@ClienteleIntegrationTest
class DrawnRouteMapBrowserTests {

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

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Чертёж")), manager);
	}

	@Test
	void a_map_with_a_question_drawn_in_the_editor_runs_deals_through_both_answers() {
		String key = TestUsers.unique("offer");
		Page page = signIn(admin, "ru-RU", 1280, 900);
		page.navigate(url("/admin/route-maps"));
		page.locator("[data-test=new-route-map-key]").fill(key);
		page.locator("[data-test=new-route-map-name]").fill("Предложение с ответом");
		page.locator("[data-test=draw-route-map]").click();
		assertThat(page.locator("[data-test=route-map-canvas]")).hasAttribute("data-ready", "true");

		Locator offer = append(page, shape(page, "start"), "append.append-task", "Отправить предложение");
		offer.click();
		page.locator("[data-test=prop-stage]").fill("2");
		page.locator("[data-test=prop-stage]").press("Tab");

		Locator question = append(page, offer, "append.gateway", null);
		rename(page, question, "Клиент согласен?");
		Set<String> before = connections(page);
		Locator order = append(page, question, "append.append-task", "Оформить заказ");
		rename(page, newConnection(page, before), "Да");
		before = connections(page);
		Locator reason = append(page, question, "append.append-task", "Записать причину отказа");
		rename(page, newConnection(page, before), "Нет");
		append(page, order, "append.end-event", null).click();
		page.locator("[data-test=prop-outcome]").selectOption("won");
		append(page, reason, "append.end-event", null).click();
		page.locator("[data-test=prop-outcome]").selectOption("lost");
		BrowserExtension.screenshot(page, "route-map-drawn-question-desktop-ru");
		page.locator("[data-test=save-route-map]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("Предложение с ответом");
		String saved = new String(maps.export(key, 1), StandardCharsets.UTF_8);
		assertThat(saved).contains("name=\"Клиент согласен?\"", "name=\"Да\"", "name=\"Нет\"",
				"clientele:outcome=\"won\"", "clientele:outcome=\"lost\"", "clientele:stage=\"2\"");

		long scenario = scenarios.createScenario(TestUsers.unique("Проекты"));
		scenarios.addStage(scenario, "Новая", 10, null);
		scenarios.addStage(scenario, "Предложение отправлено", 50, null);
		page.navigate(url("/admin/scenarios?scenario=" + scenario));
		page.locator("[data-test=scenario-route-map-key]").selectOption(key);
		page.locator("[data-test=save-scenario-route-map]").click();
		assertThat(page.locator("[data-test=scenario-route-map-key]")).hasValue(key);

		long agreed = open(scenario, TestUsers.unique("Согласие"));
		long refused = open(scenario, TestUsers.unique("Отказ"));
		Page managers = signIn(manager, "en-GB", 390, 844);
		answer(managers, agreed, "Да");
		assertThat(managers.locator("[data-test=process-task-name]")).hasText("Оформить заказ");
		managers.locator("[data-test=process-task-done]").click();
		assertThat(managers.locator("[data-test=deal-state]")).hasText("Won");
		assertThat(managers.locator("[data-test=deal-process-map]")).hasAttribute("data-ready", "true");
		assertThat(managers.locator("[data-test=deal-process-map] .route-map-passed")).not().hasCount(0);
		BrowserExtension.screenshot(managers, "drawn-map-deal-won-phone-en");

		answer(managers, refused, "Нет");
		assertThat(managers.locator("[data-test=process-task-name]")).hasText("Записать причину отказа");
		managers.locator("[data-test=process-task-loss-reason]").selectOption(new SelectOption().setIndex(1));
		managers.locator("[data-test=process-task-done]").click();
		assertThat(managers.locator("[data-test=deal-state]")).hasText("Lost");

		assertThat(deals.card(agreed, manager).state()).isEqualTo(DealState.WON);
		assertThat(deals.card(refused, manager).state()).isEqualTo(DealState.LOST);
		assertThat(deals.card(refused, manager).stageName()).as("the offer's action set the second stage")
			.isEqualTo("Предложение отправлено");
	}

	/** From the deal's card to its open action, done with the answer given. */
	private void answer(Page page, long deal, String answer) {
		page.navigate(url("/deals/" + deal));
		assertThat(
				page.locator("[data-test=deal-stage-current]").or(page.locator("[data-test=deal-process-map]")).first())
			.isVisible();
		page.locator("[data-test=deal-process-open]").click();
		assertThat(page.locator("[data-test=process-task-name]")).hasText("Отправить предложение");
		assertThat(page.locator("[data-test=process-task-question-text]")).hasText("Клиент согласен?");
		page.locator("[data-test^=process-task-answer-]", new Page.LocatorOptions().setHasText(answer)).click();
	}

	private static Locator shape(Page page, String id) {
		return page.locator("[data-test=route-map-canvas] .djs-element.djs-shape[data-element-id=" + id + "]");
	}

	/**
	 * Appends an element to the selected one from its context pad (and names it while the
	 * editor waits for the name): the new element, found as the shape that was not there
	 * before.
	 */
	private static Locator append(Page page, Locator from, String action, String name) {
		Set<String> before = ids(page, ".djs-element.djs-shape");
		page.locator("[data-test=route-map-canvas] svg").first().click(new Locator.ClickOptions().setPosition(5, 5));
		from.click();
		page.locator(".djs-context-pad [data-action='" + action + "']").click();
		if (name != null) {
			page.keyboard().type(name);
		}
		page.locator("[data-test=route-map-canvas] svg").first().click(new Locator.ClickOptions().setPosition(5, 5));
		Set<String> after = ids(page, ".djs-element.djs-shape");
		after.removeAll(before);
		assertThat(after).as("one element appended by %s", action).hasSize(1);
		return shape(page, after.iterator().next());
	}

	/**
	 * Names an element or a flow: a double click on it (a flow: on its middle), then
	 * typing.
	 */
	private static void rename(Page page, Locator element, String name) {
		if (element.getAttribute("class").contains("djs-connection")) {
			// three quarters along the flow's line: off the question's context pad at its
			// start and the bend handle in its middle
			@SuppressWarnings("unchecked")
			List<Number> point = (List<Number>) element.locator(".djs-hit").first().evaluate("""
					line => {
					  const at = line.getPointAtLength(line.getTotalLength() * 0.75);
					  const m = line.getScreenCTM();
					  return [at.x * m.a + at.y * m.c + m.e, at.x * m.b + at.y * m.d + m.f];
					}""");
			page.mouse().dblclick(point.get(0).doubleValue(), point.get(1).doubleValue());
		}
		else {
			element.dblclick();
		}
		page.keyboard().type(name);
		page.locator("[data-test=route-map-canvas] svg").first().click(new Locator.ClickOptions().setPosition(5, 5));
	}

	private static Set<String> connections(Page page) {
		return ids(page, ".djs-element.djs-connection");
	}

	private static Locator newConnection(Page page, Set<String> before) {
		Set<String> after = connections(page);
		after.removeAll(before);
		assertThat(after).hasSize(1);
		return page
			.locator("[data-test=route-map-canvas] .djs-connection[data-element-id=" + after.iterator().next() + "]");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> ids(Page page, String selector) {
		return new HashSet<>((List<String>) page.locator("[data-test=route-map-canvas]")
			.evaluate("(canvas, selector) => [...canvas.querySelectorAll(selector)].map(e => e.dataset.elementId)",
					selector));
	}

	private long open(long scenario, String subject) {
		return deals.create(new DealDraft(client, null, subject, null, null, scenario, null,
				DealMode.PROCESS_CONTROLLED, new BigDecimal("75000.00"), "RUB", null, null, null, null, List.of(),
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
