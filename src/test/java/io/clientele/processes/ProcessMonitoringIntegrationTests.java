package io.clientele.processes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.ProcessMonitoring.Filter;
import io.clientele.processes.internal.MonitoringQueries;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The monitoring page shows heads the running processes of their department's people and
 * administrators all of them, per map and version and action by action, with who holds
 * each, since when, its due time and whether it is overdue; managers do not reach it.
 */
@ClienteleIntegrationTest
class ProcessMonitoringIntegrationTests {

	@Autowired
	ProcessMonitoring monitoring;

	@Autowired
	MonitoringQueries queries;

	@Autowired
	AccessScopes scopes;

	@Autowired
	RouteMaps maps;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	ProcessTaskInbox inbox;

	@Autowired
	ProcessEngineConfiguration engine;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser admin;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser stranger;

	long otherDepartment;

	String key;

	long scenario;

	String ours;

	String overdue;

	String theirs;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Sales", users.rootDepartment());
		otherDepartment = users.department("Service", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		users.user(Role.HEAD_OF_DEPARTMENT, otherDepartment);
		stranger = users.user(Role.SALES_MANAGER, otherDepartment);
		key = TestUsers.unique("monitored");
		maps.deploy(
				("""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
						             targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" name="Контроль звонков" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="call" name="Позвонить клиенту" clientele:deadline="P1D"/>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="call"/>
						    <sequenceFlow id="b" sourceRef="call" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key)).getBytes(StandardCharsets.UTF_8));
		scenario = scenarios.createScenario(TestUsers.unique("Мониторинг"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);
		engine.getClock().setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(3))));
		try {
			overdue = taskOf(deal(manager, "Просроченная поставка"));
		}
		finally {
			engine.getClock().reset();
		}
		ours = taskOf(deal(manager, "Поставка в срок"));
		theirs = taskOf(deal(stranger, "Чужая поставка"));
		await().atMost(Duration.ofSeconds(30)).until(() -> inbox.escalation(overdue).isPresent());
	}

	@AfterEach
	void resetClock() {
		engine.getClock().reset();
	}

	@Test
	void a_head_sees_the_running_processes_of_their_department_per_map_and_where_each_stands() {
		ProcessMonitoring.View view = monitoring.view(new Filter(key, null, null, false), null, head);

		assertThat(view.actions()).extracting(ProcessMonitoring.Action::taskId).containsExactly(overdue, ours);
		assertThat(view.maps()).filteredOn(count -> count.key().equals(key)).singleElement().satisfies(count -> {
			assertThat(count.version()).isOne();
			assertThat(count.name()).isEqualTo("Контроль звонков");
			assertThat(count.processes()).isEqualTo(2);
			assertThat(count.overdue()).isOne();
		});
		ProcessMonitoring.Action late = view.actions().get(0);
		assertThat(late.overdue()).isTrue();
		assertThat(late.escalated()).isTrue();
		assertThat(late.holderId()).as("it went up to the head").isEqualTo(head.id());
		assertThat(late.waitingHours()).isGreaterThanOrEqualTo(71);
		assertThat(late.dealSubject()).startsWith("Просроченная поставка");
		ProcessMonitoring.Action onTime = view.actions().get(1);
		assertThat(onTime.overdue()).isFalse();
		assertThat(onTime.holderId()).isEqualTo(manager.id());
		assertThat(onTime.name()).isEqualTo("Позвонить клиенту");
		assertThat(onTime.dueAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));
	}

	@Test
	void an_administrator_sees_every_department_and_filters_by_department_person_and_overdue() {
		assertThat(taskIds(new Filter(key, null, null, false), admin)).containsExactly(overdue, ours, theirs);
		assertThat(taskIds(new Filter(key, null, otherDepartment, false), admin)).containsExactly(theirs);
		assertThat(taskIds(new Filter(key, manager.id(), null, false), admin)).containsExactly(ours);
		assertThat(taskIds(new Filter(key, null, null, true), admin)).containsExactly(overdue);
		assertThat(taskIds(new Filter(null, stranger.id(), null, false), admin)).containsExactly(theirs);
	}

	@Test
	void a_head_filtering_for_someone_outside_their_department_finds_nothing() {
		assertThat(taskIds(new Filter(key, stranger.id(), null, false), head)).isEmpty();
		assertThat(taskIds(new Filter(key, null, otherDepartment, false), head)).isEmpty();
		assertThat(monitoring.view(Filter.NONE, null, head).maps()).filteredOn(count -> count.key().equals(key))
			.singleElement()
			.satisfies(count -> assertThat(count.processes()).as("the stranger's process is not counted").isEqualTo(2));
	}

	@Test
	void a_manager_does_not_reach_the_monitoring() throws Exception {
		assertThatThrownBy(() -> monitoring.view(Filter.NONE, null, manager)).isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/processes/monitoring").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/my-tasks").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/processes/monitoring\""))));
	}

	@Test
	void the_list_pages_by_a_keyset_cursor_in_the_order_of_waiting() {
		var scope = scopes.of(admin.id());
		Instant now = Instant.now();
		List<MonitoringQueries.Row> first = queries.page(scope, null, key, false, now, null, 2);
		List<MonitoringQueries.Row> second = queries.page(scope, null, key, false, now,
				MonitoringQueries.Cursor.parse(MonitoringQueries.Cursor.of(first.get(1)).text()), 2);

		assertThat(first).extracting(MonitoringQueries.Row::taskId).containsExactly(overdue, ours);
		assertThat(second).extracting(MonitoringQueries.Row::taskId).containsExactly(theirs);
		assertThat(MonitoringQueries.Cursor.parse("1;drop table")).isNull();
	}

	@Test
	void the_page_shows_the_overdue_action_highlighted_in_russian_and_english() throws Exception {
		mvc.perform(get("/processes/monitoring").param("map", key).with(user(head)).header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Ход процессов")))
			.andExpect(content().string(containsString("href=\"/processes/monitoring\"")))
			.andExpect(content().string(containsString("Контроль звонков, версия 1")))
			.andExpect(content().string(containsString("data-task=\"" + overdue + "\" data-overdue=\"true\"")))
			.andExpect(content().string(containsString("table-danger")))
			.andExpect(content().string(containsString("Передано руководителю")))
			.andExpect(content().string(not(containsString(theirs))));
		mvc.perform(get("/processes/monitoring").param("map", key)
			.param("overdue", "true")
			.with(user(admin))
			.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Running processes")))
			.andExpect(content().string(containsString("over its regulation time")))
			.andExpect(content().string(not(containsString("data-task=\"" + ours + "\""))));
	}

	@Test
	void an_empty_monitoring_says_how_processes_start() throws Exception {
		mvc.perform(get("/processes/monitoring").param("person", String.valueOf(stranger.id()))
			.with(user(head))
			.header("Accept-Language", "en")).andExpect(content().string(containsString("No running process matches")));
		long lonely = users.department("Empty", users.rootDepartment());
		CurrentUser newHead = users.user(Role.HEAD_OF_DEPARTMENT, lonely);
		mvc.perform(get("/processes/monitoring").with(user(newHead)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A process starts when a deal")));
	}

	private List<String> taskIds(Filter filter, CurrentUser reader) {
		return monitoring.view(filter, null, reader).actions().stream().map(ProcessMonitoring.Action::taskId).toList();
	}

	private long deal(CurrentUser responsible, String subject) {
		long client = clients.create(TourFixtures.named(TestUsers.unique("ООО Мониторинг")), responsible);
		return deals.create(new DealDraft(client, null, TestUsers.unique(subject), null, null, scenario, null,
				DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("1000.00"), "RUB", null, null, null, null,
				List.of(), List.of(), List.of(), Map.of()), responsible);
	}

	private String taskOf(long deal) {
		return inbox.ofDeal(deal).get(0).taskId();
	}

}
