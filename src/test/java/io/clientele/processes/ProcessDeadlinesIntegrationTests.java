package io.clientele.processes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksRow;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A deadline on an action ({@code clientele:deadline}) becomes a timer on the action and
 * the action's due time; when it passes, the engine's job executor fires the timer and
 * the action goes up to the head of its person's department, marked as overdue. The tests
 * move the engine's clock and wait for the executor, never for wall time.
 */
@ClienteleIntegrationTest
class ProcessDeadlinesIntegrationTests {

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
	ProcessTasks processTasks;

	@Autowired
	MyTasks myTasks;

	@Autowired
	TaskService engineTasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

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

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Срок")), manager);
	}

	@AfterEach
	void resetClock() {
		engine.getClock().reset();
	}

	@Test
	void a_deadline_becomes_a_timer_on_the_action_and_its_due_time() {
		String key = deployWithDeadline("P2D");
		String xml = new String(maps.export(key, 1), StandardCharsets.UTF_8);
		assertThat(xml).contains("id=\"call_deadline\"", "cancelActivity=\"false\"", "P2D");

		Instant before = engine.getClock().getCurrentTime().toInstant();
		long deal = startDeal(key);

		ProcessTaskInbox.Row call = inbox.ofDeal(deal).get(0);
		assertThat(call.dueAt()).isBetween(before.plus(Duration.ofDays(2)).minusSeconds(5),
				before.plus(Duration.ofDays(2)).plusSeconds(60));
		assertThat(management.createTimerJobQuery().processInstanceId(processOf(call)).count()).isOne();
	}

	@Test
	void when_the_deadline_passes_the_action_goes_to_the_head_marked_as_overdue() {
		long deal = startDeal(deployWithDeadline("PT4H"));
		ProcessTaskInbox.Row call = inbox.ofDeal(deal).get(0);
		assertThat(call.assigneeId()).isEqualTo(manager.id());

		engine.getClock().setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(5))));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox.find(call.taskId()).map(ProcessTaskInbox.Row::assigneeId).orElse(-1L) == head.id());
		assertThat(engineTasks.createTaskQuery().taskId(call.taskId()).singleResult().getAssignee())
			.isEqualTo(String.valueOf(head.id()));
		assertThat(inbox.escalation(call.taskId())).hasValueSatisfying(escalation -> {
			assertThat(escalation.fromId()).isEqualTo(manager.id());
			assertThat(escalation.at()).isAfter(Instant.now().plus(Duration.ofHours(4)));
		});
		assertThat(myTasksOf(head)).anySatisfy(row -> assertThat(row.href()).endsWith(call.taskId()));
		assertThat(myTasksOf(manager)).noneSatisfy(row -> assertThat(row.href()).endsWith(call.taskId()));
		assertThat(management.createTimerJobQuery().processInstanceId(processOf(call)).count())
			.as("the timer fired once and is gone")
			.isZero();
		assertThat(processTasks.card(call.taskId(), head).escalatedFrom()).isEqualTo(manager.displayName());
	}

	@Test
	void a_standard_timer_drawn_on_an_action_escalates_it_too() {
		String key = TestUsers.unique("drawn-timer");
		maps.deploy(
				"""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="call" name="Позвонить клиенту"/>
						    <boundaryEvent id="late" name="Через 3 часа" attachedToRef="call" cancelActivity="false">
						      <timerEventDefinition><timeDuration>PT3H</timeDuration></timerEventDefinition>
						    </boundaryEvent>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="call"/>
						    <sequenceFlow id="b" sourceRef="call" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key)
					.getBytes(StandardCharsets.UTF_8));
		Instant before = engine.getClock().getCurrentTime().toInstant();
		ProcessTaskInbox.Row call = inbox.ofDeal(startDeal(key)).get(0);
		assertThat(call.dueAt()).isBetween(before.plus(Duration.ofHours(3)).minusSeconds(5),
				before.plus(Duration.ofHours(3)).plusSeconds(60));

		engine.getClock().setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(4))));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox.find(call.taskId()).map(ProcessTaskInbox.Row::assigneeId).orElse(-1L) == head.id());
		assertThat(inbox.escalation(call.taskId())).isPresent();
	}

	@Test
	void a_changed_deadline_replaces_its_timer_and_a_removed_one_takes_it_away() {
		String key = deployWithDeadline("P2D");
		maps.deploy(map(key, "PT8H"));
		String changed = new String(maps.export(key, 2), StandardCharsets.UTF_8);
		assertThat(changed).contains("PT8H").doesNotContain("P2D");
		assertThat(changed.split("call_deadline", -1)).as("one timer").hasSize(2);

		maps.deploy(map(key, ""));
		assertThat(new String(maps.export(key, 3), StandardCharsets.UTF_8)).doesNotContain("call_deadline");
	}

	@Test
	void an_action_done_before_its_deadline_leaves_no_timer_behind() {
		long deal = startDeal(deployWithDeadline("P1D"));
		ProcessTaskInbox.Row call = inbox.ofDeal(deal).get(0);
		String process = processOf(call);

		processTasks.complete(call.taskId(), new ProcessTaskCompletion(null, List.of(), null, null), manager);

		assertThat(management.createTimerJobQuery().processInstanceId(process).count()).isZero();
		assertThat(inbox.ofDeal(deal)).isEmpty();
	}

	@Test
	void an_invalid_deadline_is_refused_with_the_action_named() {
		String key = TestUsers.unique("deadline");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> maps.deploy(map(key, "two days")))
			.isInstanceOfSatisfying(RouteMapRefused.class, refused -> assertThat(refused.problems())
				.anySatisfy(problem -> assertThat(problem.messageKey()).isEqualTo("routemap.problem.deadline")));
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
	}

	private String deployWithDeadline(String deadline) {
		String key = TestUsers.unique("deadline");
		maps.deploy(map(key, deadline));
		return key;
	}

	private static byte[] map(String key, String deadline) {
		return """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
				             targetNamespace="https://clientele.io/route-maps">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <userTask id="call" name="Позвонить клиенту" clientele:deadline="%s"/>
				    <endEvent id="end"/>
				    <sequenceFlow id="a" sourceRef="start" targetRef="call"/>
				    <sequenceFlow id="b" sourceRef="call" targetRef="end"/>
				  </process>
				</definitions>
				"""
			.formatted(key, deadline)
			.getBytes(StandardCharsets.UTF_8);
	}

	private long startDeal(String key) {
		long scenario = scenarios.createScenario(TestUsers.unique("Сроки"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);
		return deals.create(new DealDraft(client, null, TestUsers.unique("Поставка"), null, null, scenario, null,
				DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("1000.00"), "RUB", null, null, null, null,
				List.of(), List.of(), List.of(), Map.of()), manager);
	}

	private String processOf(ProcessTaskInbox.Row row) {
		return row.processInstanceId();
	}

	private List<MyTasksRow> myTasksOf(CurrentUser user) {
		return myTasks.of(user).groups().stream().flatMap(group -> group.rows().stream()).toList();
	}

}
