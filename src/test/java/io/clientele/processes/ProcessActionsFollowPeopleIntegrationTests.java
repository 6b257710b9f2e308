package io.clientele.processes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.activities.Handover;
import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksChanges;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.EventStreamClient;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Process actions behave like tasks for the people who hold them: they count in the
 * sidebar's badge of "My tasks", which open pages fetch again when an action comes or
 * goes; and when a deal changes hands, on the deal or by handing over a departing user's
 * work, its actions for the responsible manager go to the new one.
 */
@ClienteleIntegrationTest
class ProcessActionsFollowPeopleIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	DealService deals;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	ClientService clients;

	@Autowired
	ProcessTaskInbox inbox;

	@Autowired
	ProcessTasks processTasks;

	@Autowired
	MyTasks myTasks;

	@Autowired
	Handover handover;

	@Autowired
	TaskService engineTasks;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser admin;

	CurrentUser manager;

	CurrentUser colleague;

	SalesScenario wholesale;

	long client;

	final List<AutoCloseable> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Sales", users.rootDepartment());
		users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		wholesale = scenarios.all()
			.stream()
			.filter(scenario -> scenario.name().equals("Оптовые продажи"))
			.findFirst()
			.orElseThrow();
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Передача")), manager);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable stream : opened) {
			stream.close();
		}
	}

	@Test
	void a_new_process_action_counts_in_the_my_tasks_badge_until_it_is_opened() throws Exception {
		assertThat(myTasks.badge(manager.id())).isZero();

		long deal = open(manager);
		String task = inbox.ofDeal(deal).get(0).taskId();

		assertThat(myTasks.badge(manager.id())).isOne();
		mvc.perform(get("/my-tasks/badge").with(user(manager)))
			.andExpect(content().string(containsString("data-test=\"nav-badge\">1</span>")));
		processTasks.card(task, manager);
		assertThat(myTasks.badge(manager.id())).as("opened and not due").isZero();
	}

	@Test
	void the_holders_pages_hear_when_a_process_action_comes_and_goes() throws Exception {
		EventStreamClient managers = stream(manager);

		long deal = open(manager);
		assertThat(managers.next(MyTasksChanges.TOPIC, WAIT)).as("the first action came").isNotNull();

		processTasks.complete(inbox.ofDeal(deal).get(0).taskId(),
				new ProcessTaskCompletion(null, List.of(0, 1), null, null), manager);
		assertThat(managers.next(MyTasksChanges.TOPIC, WAIT)).as("one done, the next came").isNotNull();
	}

	@Test
	void a_deal_given_to_another_manager_takes_its_responsible_managers_actions_along() {
		long deal = open(manager);
		String task = inbox.ofDeal(deal).get(0).taskId();
		var card = deals.card(deal, manager);

		deals.update(deal,
				new DealDraft(client, null, card.subject(), null, null, wholesale.id(), card.stageId(),
						DealMode.PROCESS_CONTROLLED, card.amount(), card.currency(), card.probability(), null, null,
						colleague.id(), List.of(), List.of(), List.of(), Map.of()),
				card.version(), admin);

		assertThat(inbox.find(task)).hasValueSatisfying(row -> assertThat(row.assigneeId()).isEqualTo(colleague.id()));
		assertThat(engineTasks.createTaskQuery().taskId(task).singleResult().getAssignee())
			.isEqualTo(String.valueOf(colleague.id()));
		assertThat(myTasks.badge(colleague.id())).isOne();
	}

	@Test
	void handing_over_a_departing_users_work_moves_their_process_actions() {
		long deal = open(manager);
		String task = inbox.ofDeal(deal).get(0).taskId();

		handover.handOver(manager.id(), colleague.id(), admin);

		assertThat(inbox.find(task)).hasValueSatisfying(row -> assertThat(row.assigneeId()).isEqualTo(colleague.id()));
		assertThat(engineTasks.createTaskQuery().taskId(task).singleResult().getAssignee())
			.isEqualTo(String.valueOf(colleague.id()));
		assertThat(inbox.of(manager.id(), 10)).isEmpty();
	}

	private long open(CurrentUser responsible) {
		return deals.create(new DealDraft(client, null, TestUsers.unique("Поставка станков"), null, null,
				wholesale.id(), null, DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("250000.00"), "RUB", null,
				null, null, null, List.of(), List.of(), List.of(), Map.of()), responsible);
	}

	private EventStreamClient stream(CurrentUser user) throws Exception {
		WebSession session = new WebSession(port, "ru");
		assertThat(session.signIn(user.getUsername(), TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		EventStreamClient stream = EventStreamClient.open(port, session.sessionCookie());
		opened.add(stream);
		assertThat(stream.status()).isEqualTo(200);
		return stream;
	}

}
