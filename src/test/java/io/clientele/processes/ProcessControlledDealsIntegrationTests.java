package io.clientele.processes;

import java.util.List;
import java.util.Map;

import io.clientele.activities.MyTasks;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealCard;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.DealState;
import io.clientele.deals.LossReason;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A process-controlled deal follows its scenario's route map, the shipped standard sale
 * on the shipped wholesale scenario: each action goes to its person's "My tasks", its
 * completion (with the question's answer) moves the process and the deal's stage, the
 * branches end the deal won or lost, switching the mode ends and starts the process, and
 * the actions obey the deal's record-level access.
 */
@ClienteleIntegrationTest
class ProcessControlledDealsIntegrationTests {

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	ProcessTasks processTasks;

	@Autowired
	DealProcesses dealProcesses;

	@Autowired
	ProcessTaskInbox inbox;

	@Autowired
	MyTasks myTasks;

	@Autowired
	RecordHistory history;

	@Autowired
	RouteMaps maps;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService engineHistory;

	@Autowired
	TaskService engineTasks;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser stranger;

	SalesScenario wholesale;

	long client;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long other = users.department("Service", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, other);
		wholesale = scenarios.all()
			.stream()
			.filter(scenario -> scenario.name().equals("Оптовые продажи"))
			.findFirst()
			.orElseThrow();
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Процесс")), manager);
	}

	@Test
	void the_shipped_wholesale_scenario_follows_the_shipped_standard_sale() {
		assertThat(wholesale.routeMapKey()).isEqualTo("standard-sale");
	}

	@Test
	void a_new_process_controlled_deal_starts_with_qualification_for_its_manager_in_the_needs_stage() {
		long deal = open(DealMode.PROCESS_CONTROLLED);

		assertThat(stage(deal)).isEqualTo("Выявление потребностей");
		ProcessTaskInbox.Row task = openTask(deal);
		assertThat(task.name()).isEqualTo("Квалификация");
		assertThat(task.assigneeId()).isEqualTo(manager.id());
		assertThat(myTasksOf(manager)).anySatisfy(row -> {
			assertThat(row.href()).isEqualTo("/processes/tasks/" + task.taskId());
			assertThat(row.title()).startsWith("Квалификация · ");
			assertThat(row.sourceKey()).isEqualTo("process.task.label");
			assertThat(row.attention()).isTrue();
		});
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("deal:" + deal)
			.singleResult()
			.getProcessDefinitionKey()).isEqualTo("standard-sale");
	}

	@Test
	void a_deal_in_process_mode_moves_to_the_proposal_stage_when_qualification_is_done() {
		long deal = open(DealMode.PROCESS_CONTROLLED);

		complete(deal, null, List.of(0, 1), null);

		assertThat(stage(deal)).isEqualTo("Коммерческое предложение");
		assertThat(openTask(deal).name()).isEqualTo("Коммерческое предложение");
		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 10)).anySatisfy(entry -> {
			assertThat(entry.actorId()).isEqualTo(manager.id());
			assertThat(entry.changes()).anySatisfy(change -> {
				assertThat(change.field()).isEqualTo("deal.field.stage");
				assertThat(change.before()).isEqualTo("Выявление потребностей");
				assertThat(change.after()).isEqualTo("Коммерческое предложение");
			});
		});
	}

	@Test
	void the_answer_yes_leads_through_order_and_invoice_to_a_won_deal() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		complete(deal, null, List.of(0, 1), null);

		ProcessTaskCard proposal = processTasks.card(openTask(deal).taskId(), manager);
		assertThat(proposal.question().text()).isEqualTo("Клиент принял предложение?");
		assertThat(proposal.question().answers()).extracting(ProcessTaskCard.Answer::label)
			.containsExactly("Да", "Нет");
		complete(deal, "yes", List.of(0), null);
		assertThat(stage(deal)).isEqualTo("Договор");
		assertThat(openTask(deal).name()).isEqualTo("Оформить заказ");
		complete(deal, null, List.of(0), null);
		assertThat(stage(deal)).isEqualTo("Счёт выставлен");
		complete(deal, null, List.of(0), null);

		assertThat(deals.card(deal, manager).state()).isEqualTo(DealState.WON);
		assertThat(inbox.ofDeal(deal)).isEmpty();
		var ended = engineHistory.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("deal:" + deal)
			.singleResult();
		assertThat(ended.getEndTime()).isNotNull();
		assertThat(ended.getDeleteReason()).isNull();
		DealProcessView view = dealProcesses.of(deal).orElseThrow();
		assertThat(view.running()).isFalse();
		assertThat(view.steps()).extracting(DealProcessView.Step::name)
			.containsExactly("Квалификация", "Коммерческое предложение", "Оформить заказ", "Выставить счёт");
		assertThat(view.steps().get(1).answer()).isEqualTo("Да");
		assertThat(view.steps()).allSatisfy(step -> assertThat(step.byName()).isEqualTo(manager.displayName()));
		assertThat(view.passed()).contains("qualification", "accepted", "yes", "invoice", "won").doesNotContain("no");
	}

	@Test
	void the_answer_no_asks_for_a_reason_and_ends_the_deal_lost_with_it() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		complete(deal, null, List.of(0, 1), null);
		complete(deal, "no", List.of(0), null);
		assertThat(stage(deal)).as("the action sets no stage").isEqualTo("Коммерческое предложение");

		ProcessTaskCard reason = processTasks.card(openTask(deal).taskId(), manager);
		assertThat(reason.name()).isEqualTo("Указать причину отказа и закрыть");
		assertThat(reason.losesDeal()).isTrue();
		assertThat(reason.lossReasons()).isNotEmpty();
		assertThatThrownBy(() -> complete(deal, null, List.of(), null)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("deal.lose.reason-required");
		LossReason expensive = reason.lossReasons().get(0);
		complete(deal, null, List.of(), expensive.id());

		DealCard card = deals.card(deal, manager);
		assertThat(card.state()).isEqualTo(DealState.LOST);
		assertThat(card.lossReason()).isEqualTo(expensive.name());
		assertThat(dealProcesses.of(deal).orElseThrow().steps()).extracting(DealProcessView.Step::answer)
			.containsExactly(null, "Нет", null);
	}

	@Test
	void a_step_is_not_done_with_an_unticked_item_or_without_an_answer() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		assertThatThrownBy(() -> complete(deal, null, List.of(0), null))
			.hasMessageContaining("process.task.checklist-incomplete");
		complete(deal, null, List.of(0, 1), null);
		assertThatThrownBy(() -> complete(deal, null, List.of(0), null))
			.hasMessageContaining("process.task.answer-required");
		assertThatThrownBy(() -> complete(deal, "to-question", List.of(0), null))
			.hasMessageContaining("process.task.answer-required");
		assertThat(stage(deal)).isEqualTo("Коммерческое предложение");
	}

	@Test
	void a_process_controlled_deal_refuses_manual_moves() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		long contract = wholesale.activeStages().get(4).id();

		assertThatThrownBy(() -> progress.move(deal, contract, version(deal), manager))
			.hasMessageContaining("deal.move.process-controlled");
		assertThatThrownBy(() -> progress.moveByProcess(open(DealMode.MANUAL_STAGES), contract, manager.id()))
			.as("a process cannot move a deal that is not process-controlled")
			.hasMessageContaining("deal.process.not-controlled");
	}

	@Test
	void switching_to_manual_ends_the_process_and_keeps_its_history() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		complete(deal, null, List.of(0, 1), null);
		String task = openTask(deal).taskId();

		progress.switchMode(deal, DealMode.MANUAL_STAGES, version(deal), manager);

		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("deal:" + deal).count()).isZero();
		assertThat(inbox.ofDeal(deal)).isEmpty();
		assertThat(myTasksOf(manager)).noneSatisfy(row -> assertThat(row.href()).endsWith(task));
		var ended = engineHistory.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("deal:" + deal)
			.singleResult();
		assertThat(ended.getDeleteReason()).isEqualTo("clientele:mode-switched");
		DealProcessView view = dealProcesses.of(deal).orElseThrow();
		assertThat(view.endReason()).isEqualTo("process.ended.mode-switched");
		assertThat(view.steps()).extracting(DealProcessView.Step::name).containsExactly("Квалификация");
		assertThat(stage(deal)).isEqualTo("Коммерческое предложение");
	}

	@Test
	void switching_back_to_process_mode_starts_at_the_current_stage() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		complete(deal, null, List.of(0, 1), null);
		progress.switchMode(deal, DealMode.MANUAL_STAGES, version(deal), manager);
		long stageChanges = stageChanges(deal);

		progress.switchMode(deal, DealMode.PROCESS_CONTROLLED, version(deal), manager);

		assertThat(stage(deal)).isEqualTo("Коммерческое предложение");
		ProcessTaskInbox.Row task = openTask(deal);
		assertThat(task.name()).isEqualTo("Коммерческое предложение");
		assertThat(task.assigneeId()).isEqualTo(manager.id());
		assertThat(stageChanges(deal)).as("starting at the proposal moved the deal nowhere").isEqualTo(stageChanges);
		DealProcessView shown = dealProcesses.of(deal).orElseThrow();
		assertThat(shown.running()).as("the card shows the new process, not the one ended").isTrue();
		assertThat(shown.endReason()).isNull();
		complete(deal, "yes", List.of(0), null);
		assertThat(stage(deal)).isEqualTo("Договор");
	}

	@Test
	void a_deal_that_never_had_a_process_shows_none() {
		long deal = open(DealMode.MANUAL_STAGES);

		assertThat(dealProcesses.of(deal)).isEmpty();
	}

	@Test
	void a_deal_in_a_stage_no_action_sets_is_not_switched_to_process_mode() {
		long deal = open(DealMode.MANUAL_STAGES);
		long negotiation = wholesale.activeStages().get(3).id();
		jdbc.sql("update deals set stage_id = ? where id = ?").params(negotiation, deal).update();

		assertThatThrownBy(() -> progress.switchMode(deal, DealMode.PROCESS_CONTROLLED, version(deal), manager))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("process.start.no-action-for-stage");
		assertThat(deals.card(deal, manager).mode()).isEqualTo(DealMode.MANUAL_STAGES);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("deal:" + deal).count()).isZero();
	}

	@Test
	void a_scenario_without_a_route_map_has_no_process_controlled_deals() {
		long scenario = scenarios.createScenario(TestUsers.unique("Без карты"));
		scenarios.addStage(scenario, "Первый", 10, null);
		DealDraft draft = draft(scenario, DealMode.MANUAL_STAGES);
		long deal = deals.create(draft, manager);

		assertThatThrownBy(() -> progress.switchMode(deal, DealMode.PROCESS_CONTROLLED, version(deal), manager))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("deal.mode.no-route-map");
		assertThatThrownBy(() -> deals.create(draft(scenario, DealMode.PROCESS_CONTROLLED), manager))
			.hasMessageContaining("deal.mode.no-route-map");
	}

	@Test
	void a_route_map_whose_stages_the_scenario_lacks_is_not_assigned_to_it() {
		long scenario = scenarios.createScenario(TestUsers.unique("Другие этапы"));
		scenarios.addStage(scenario, "Договор", 10, null);

		assertThatThrownBy(() -> scenarios.assignRouteMap(scenario, "standard-sale")).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("scenario.route-map.stages-missing")
			.satisfies(ex -> assertThat(((RuleViolation) ex).arguments())
				.contains("Выявление потребностей, Коммерческое предложение, Счёт выставлен"));
		assertThatThrownBy(() -> scenarios.assignRouteMap(scenario, "no-such-map"))
			.hasMessageContaining("scenario.route-map.unknown");
		assertThat(scenarios.scenario(scenario).routeMapKey()).isNull();
	}

	@Test
	void closing_the_deal_by_hand_ends_its_process() {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		long reason = scenarios.lossReasons().get(0).id();

		progress.lose(deal, reason, null, version(deal), manager);

		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("deal:" + deal).count()).isZero();
		assertThat(inbox.ofDeal(deal)).isEmpty();
		assertThat(dealProcesses.of(deal).orElseThrow().endReason()).isEqualTo("process.ended.deal-closed");
	}

	@Test
	void the_task_page_is_not_found_by_a_manager_of_another_department_nor_in_their_my_tasks() throws Exception {
		long deal = open(DealMode.PROCESS_CONTROLLED);
		complete(deal, null, List.of(0, 1), null);
		String task = openTask(deal).taskId();

		mvc.perform(get("/processes/tasks/" + task).with(user(stranger)).header("Accept-Language", "en"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/processes/deals/" + deal + "/map").with(user(stranger))).andExpect(status().isNotFound());
		assertThatThrownBy(() -> processTasks.card(task, stranger)).isInstanceOf(RecordNotFound.class);
		assertThat(myTasksOf(stranger)).noneSatisfy(row -> assertThat(row.href()).contains(task));

		mvc.perform(get("/processes/tasks/" + task).with(user(manager)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Клиент принял предложение?")))
			.andExpect(content().string(containsString("data-test=\"process-task-answer-yes\"")));
		mvc.perform(get("/processes/tasks/" + task).with(user(head)).header("Accept-Language", "en"))
			.andExpect(status().isOk());
		mvc.perform(get("/deals/" + deal).with(user(manager)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"deal-process\"")))
			.andExpect(content().string(containsString("Process: Стандартная продажа, version")));
		assertThat(new String(mvc.perform(get("/processes/deals/" + deal + "/map").with(user(manager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"standard-sale\"");
	}

	@Test
	void an_action_for_a_named_user_of_another_department_makes_them_a_co_executor_who_sees_it() throws Exception {
		String key = TestUsers.unique("review");
		maps.deploy(
				("""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
						             targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="review" name="Проверить условия" clientele:assignee="user:%d"/>
						    <userTask id="approve" name="Одобрить" clientele:assignee="head"/>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="review"/>
						    <sequenceFlow id="b" sourceRef="review" targetRef="approve"/>
						    <sequenceFlow id="c" sourceRef="approve" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key, stranger.id())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		long scenario = scenarios.createScenario(TestUsers.unique("Проверка"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);

		long deal = deals.create(draft(scenario, DealMode.PROCESS_CONTROLLED), manager);

		ProcessTaskInbox.Row review = openTask(deal);
		assertThat(review.assigneeId()).isEqualTo(stranger.id());
		assertThat(deals.card(deal, manager).coExecutors()).containsKey(stranger.id());
		assertThat(myTasksOf(stranger)).anySatisfy(row -> assertThat(row.href()).endsWith(review.taskId()));
		assertThat(processTasks.card(review.taskId(), stranger).mayComplete()).isTrue();

		processTasks.complete(review.taskId(), new ProcessTaskCompletion(null, List.of(), null, null), stranger);

		assertThat(openTask(deal).assigneeId()).as("the head of the responsible manager's department")
			.isEqualTo(head.id());
		assertThatThrownBy(() -> processTasks.complete(openTask(deal).taskId(),
				new ProcessTaskCompletion(null, List.of(), null, null), manager))
			.hasMessageContaining("process.task.not-yours");
	}

	@Test
	void an_action_for_a_role_goes_to_the_person_with_it_nearest_to_the_responsible_manager() {
		long office = users.department("Office", users.rootDepartment());
		CurrentUser responsible = users.user(Role.SALES_MANAGER, users.department("Desk", office));
		CurrentUser upTheTree = users.user(Role.SUPPORT, office);
		users.user(Role.SUPPORT, users.department("Support", office));
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Поддержка")), responsible);
		String key = TestUsers.unique("support-check");
		maps.deploy(
				("""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
						             targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="check" name="Проверить поддержку" clientele:assignee="role:SUPPORT"/>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="check"/>
						    <sequenceFlow id="b" sourceRef="check" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		long scenario = scenarios.createScenario(TestUsers.unique("Поддержка"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);

		long deal = deals.create(draft(scenario, DealMode.PROCESS_CONTROLLED), responsible);

		assertThat(openTask(deal).assigneeId()).as("the office is above the desk, the support department beside it")
			.isEqualTo(upTheTree.id());
		assertThat(deals.card(deal, responsible).coExecutors()).containsKey(upTheTree.id());
	}

	private long open(DealMode mode) {
		return deals.create(draft(wholesale.id(), mode), manager);
	}

	private DealDraft draft(long scenario, DealMode mode) {
		return new DealDraft(client, null, TestUsers.unique("Поставка станков"), null, null, scenario, null, mode,
				new java.math.BigDecimal("250000.00"), "RUB", null, null, null, null, List.of(), List.of(), List.of(),
				Map.of());
	}

	private ProcessTaskInbox.Row openTask(long deal) {
		List<ProcessTaskInbox.Row> open = inbox.ofDeal(deal);
		assertThat(open).hasSize(1);
		assertThat(engineTasks.createTaskQuery().processInstanceBusinessKey("deal:" + deal).count()).isOne();
		return open.get(0);
	}

	private void complete(long deal, String answer, List<Integer> ticked, Long reason) {
		processTasks.complete(openTask(deal).taskId(), new ProcessTaskCompletion(answer, ticked, reason, null),
				manager);
	}

	private long stageChanges(long deal) {
		return history.of(DealService.RECORD_TYPE, deal, null, 50)
			.stream()
			.filter(entry -> entry.changes().stream().anyMatch(change -> change.field().equals("deal.field.stage")))
			.count();
	}

	private String stage(long deal) {
		return deals.card(deal, manager).stageName();
	}

	private long version(long deal) {
		return deals.card(deal, manager).version();
	}

	private List<io.clientele.activities.MyTasksRow> myTasksOf(CurrentUser user) {
		return myTasks.of(user).groups().stream().flatMap(group -> group.rows().stream()).toList();
	}

}
