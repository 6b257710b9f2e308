package io.clientele.processes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A head follows the running processes of their department on the monitoring page (from
 * the sidebar), on a desktop in Russian and on a phone in English, narrows it to the
 * overdue ones, and opens an escalated action; a manager answers a selection with
 * checkboxes on a phone.
 */
@ClienteleIntegrationTest
class ProcessMonitoringBrowserTests {

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
	ProcessTaskInbox inbox;

	@Autowired
	ProcessEngineConfiguration engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser head;

	CurrentUser manager;

	long client;

	long scenario;

	String key;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Станкомаш")), manager);
		key = TestUsers.unique("offer");
		maps.deploy(
				("""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
						             targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" name="Предложение с образцами" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="prepare" name="Подготовить предложение" clientele:deadline="P1D"/>
						    <inclusiveGateway id="what" name="Что отправить клиенту?"/>
						    <userTask id="send-price" name="Отправить прайс"/>
						    <userTask id="send-samples" name="Отправить образцы"/>
						    <inclusiveGateway id="join"/>
						    <userTask id="meeting" name="Договориться о встрече"/>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="prepare"/>
						    <sequenceFlow id="b" sourceRef="prepare" targetRef="what"/>
						    <sequenceFlow id="price" name="Прайс-лист" sourceRef="what" targetRef="send-price"/>
						    <sequenceFlow id="samples" name="Образцы продукции" sourceRef="what" targetRef="send-samples"/>
						    <sequenceFlow id="p" sourceRef="send-price" targetRef="join"/>
						    <sequenceFlow id="s" sourceRef="send-samples" targetRef="join"/>
						    <sequenceFlow id="m" sourceRef="join" targetRef="meeting"/>
						    <sequenceFlow id="z" sourceRef="meeting" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key)).getBytes(StandardCharsets.UTF_8));
		scenario = scenarios.createScenario(TestUsers.unique("Образцы"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);
	}

	@AfterEach
	void resetClock() {
		engine.getClock().reset();
	}

	@Test
	void a_head_follows_the_running_processes_and_narrows_them_to_the_overdue_on_a_desktop() {
		String late = overdueDeal("Поставка фрезерных станков");
		open("Поставка токарных станков");
		Page page = signIn(head, "ru-RU", 1280, 900);

		page.locator("a.nav-link[href='/processes/monitoring']").first().click();
		assertThat(page.locator("[data-test=monitoring-title]")).hasText("Ход процессов");
		page.locator("[data-test=monitoring-map]").selectOption(key);
		page.locator("[data-test=monitoring-apply]").click();
		assertThat(page.locator("[data-test=monitoring-action]")).hasCount(2);
		assertThat(page.locator("[data-test=monitoring-map-count]").first()).containsText("Предложение с образцами");
		assertThat(page.locator("[data-overdue=true]")).containsText("Передано руководителю");
		BrowserExtension.screenshot(page, "process-monitoring-desktop-ru");

		page.locator("[data-test=monitoring-overdue]").check();
		page.locator("[data-test=monitoring-apply]").click();
		assertThat(page.locator("[data-test=monitoring-action]")).hasCount(1);
		BrowserExtension.screenshot(page, "process-monitoring-overdue-desktop-ru");

		page.locator("[data-test=monitoring-action] a[href='/processes/tasks/" + late + "']").click();
		assertThat(page.locator("[data-test=process-task-escalated]")).containsText("Просрочено");
		BrowserExtension.screenshot(page, "process-task-escalated-desktop-ru");
	}

	@Test
	void the_monitoring_fits_a_phone_in_english() {
		overdueDeal("Milling machines");
		open("Lathes");
		Page page = signIn(head, "en-GB", 390, 844);

		page.navigate(url("/processes/monitoring?map=" + key));
		assertThat(page.locator("[data-test=monitoring-title]")).hasText("Running processes");
		assertThat(page.locator("[data-test=monitoring-action]")).hasCount(2);
		BrowserExtension.screenshot(page, "process-monitoring-phone-en");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
	}

	@Test
	void an_empty_monitoring_tells_a_new_head_how_processes_start_on_a_phone() {
		CurrentUser newHead = users.user(Role.HEAD_OF_DEPARTMENT,
				users.department("Новый отдел", users.rootDepartment()));
		Page page = signIn(newHead, "ru-RU", 390, 844);

		page.navigate(url("/processes/monitoring"));
		assertThat(page.locator("[data-test=monitoring-empty]")).containsText("Процесс начинается");
		BrowserExtension.screenshot(page, "process-monitoring-empty-phone-ru");
	}

	@Test
	void a_manager_chooses_several_answers_of_a_selection_on_a_phone() {
		long deal = open("Поставка прессов");
		Page page = signIn(manager, "ru-RU", 390, 844);

		page.navigate(url("/processes/tasks/" + inbox.ofDeal(deal).get(0).taskId()));
		page.locator("[data-test=process-task-done]").click();
		assertThat(page.locator("[data-test=failure]")).containsText("Выберите хотя бы один");
		page.locator("[data-test=process-task-choice-price]").check();
		page.locator("[data-test=process-task-choice-samples]").check();
		BrowserExtension.screenshot(page, "process-task-selection-phone-ru");
		page.locator("[data-test=process-task-done]").click();

		assertThat(page.locator("[data-test=process-task-name]")).hasText("Отправить прайс");
		assertThat(inbox.ofDeal(deal)).extracting(ProcessTaskInbox.Row::name)
			.containsExactlyInAnyOrder("Отправить прайс", "Отправить образцы");
	}

	@Test
	void an_administrator_gives_an_action_a_deadline_in_the_editor() {
		CurrentUser admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		String drawn = TestUsers.unique("deadline-editor");
		maps.deploy(RouteMapFiles.twoActions(drawn, "Check the order", "Check stock", "Confirm"));
		Page page = signIn(admin, "en-GB", 1280, 900);
		page.navigate(url("/admin/route-maps/" + drawn + "/versions/1/edit"));
		assertThat(page.locator("[data-test=route-map-canvas]")).hasAttribute("data-ready", "true");

		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=first]").click();
		page.locator("[data-test=prop-deadline]").fill("4");
		page.locator("[data-test=prop-deadline-unit]").selectOption("H");
		assertThat(page.locator("[data-test=prop-deadline]")).hasValue("4");
		BrowserExtension.screenshot(page, "route-map-deadline-desktop-en");
		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=second]").click();
		page.locator("[data-test=prop-deadline]").fill("2");
		page.locator("[data-test=prop-deadline]").press("Tab");
		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=first]").click();
		assertThat(page.locator("[data-test=prop-deadline]")).hasValue("4");
		assertThat(page.locator("[data-test=prop-deadline-unit]")).hasValue("H");
		page.locator("[data-test=save-route-map]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("deployed as version 2");
		String saved = new String(maps.export(drawn, 2), StandardCharsets.UTF_8);
		assertThat(saved).contains("clientele:deadline=\"PT4H\"", "clientele:deadline=\"P2D\"", "first_deadline",
				"second_deadline");
	}

	private String overdueDeal(String subject) {
		engine.getClock().setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
		String task;
		try {
			task = inbox.ofDeal(open(subject)).get(0).taskId();
		}
		finally {
			engine.getClock().reset();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox.escalation(task).isPresent());
		return task;
	}

	private long open(String subject) {
		return deals.create(new DealDraft(client, null, TestUsers.unique(subject), null, null, scenario, null,
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
