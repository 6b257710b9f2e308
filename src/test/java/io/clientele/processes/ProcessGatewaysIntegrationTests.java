package io.clientele.processes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each kind of gateway a route map may hold, run through the engine on a deal: a question
 * (exclusive gateway) takes the one branch answered; a selection (inclusive gateway) runs
 * every branch chosen and its join waits for them all; a split (parallel gateway) runs
 * every branch and its join waits for them all.
 */
@ClienteleIntegrationTest
class ProcessGatewaysIntegrationTests {

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
	RuntimeService runtime;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	long client;

	@BeforeEach
	void setUp() {
		TestUsers users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Ветки")), manager);
	}

	@Test
	void a_question_takes_only_the_branch_answered() {
		long deal = start(branching("exclusiveGateway", "Клиент согласен?"));
		String prepare = only(deal, "prepare");

		processTasks.complete(prepare, new ProcessTaskCompletion("to-price", List.of(), null, null), manager);

		assertThat(names(deal)).containsExactly("Отправить прайс");
	}

	@Test
	void a_selection_runs_every_branch_chosen_and_its_join_waits_for_them_all() throws Exception {
		long deal = start(branching("inclusiveGateway", "Что отправить?"));
		String prepare = only(deal, "prepare");
		mvc.perform(get("/processes/tasks/" + prepare).with(user(manager)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("type=\"checkbox\" name=\"chosen\" value=\"to-price\"")))
			.andExpect(content().string(containsString("Choose one or more")));

		mvc.perform(post("/processes/tasks/" + prepare).param("chosen", "to-price", "to-samples")
			.with(user(manager))
			.with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(names(deal)).containsExactlyInAnyOrder("Отправить прайс", "Отправить образцы");
		assertThat(runtime.getVariable(processOf(deal), "answer_choice__to_catalog")).isEqualTo(false);
		completeActive(deal, "send-price");
		assertThat(names(deal)).as("the join waits for the samples").containsExactly("Отправить образцы");
		completeActive(deal, "send-samples");
		assertThat(names(deal)).containsExactly("Договориться о встрече");
	}

	@Test
	void a_selection_is_answered_through_the_api_with_the_chosen_options() throws Exception {
		long deal = start(branching("inclusiveGateway", "Что отправить?"));
		String prepare = only(deal, "prepare");
		String token = "Bearer " + tokens.issue(manager.id(), "selection").secret();

		mvc.perform(get("/api/v1/process-tasks/" + prepare).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.question.multiple").value(true))
			.andExpect(jsonPath("$.question.answers.length()").value(3));
		mvc.perform(post("/api/v1/process-tasks/" + prepare + "/completion").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"chosen\": []}")).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/process-tasks/" + prepare + "/completion").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"chosen\": [\"to-catalog\"]}")).andExpect(status().isOk());

		assertThat(names(deal)).containsExactly("Отправить каталог");
	}

	@Test
	void a_selection_with_nothing_chosen_is_refused() throws Exception {
		long deal = start(branching("inclusiveGateway", "Что отправить?"));
		String prepare = only(deal, "prepare");

		assertThatThrownBy(() -> processTasks.complete(prepare,
				new ProcessTaskCompletion(null, List.of(), null, null, List.of()), manager))
			.isInstanceOf(RuleViolation.class)
			.hasMessageContaining("process.task.choice-required");
		mvc.perform(
				post("/processes/tasks/" + prepare).with(user(manager)).with(csrf()).header("Accept-Language", "ru"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Выберите хотя бы один из вариантов.")));
		assertThat(names(deal)).containsExactly("Подготовить предложение");
	}

	@Test
	void a_split_runs_every_branch_and_its_join_waits_for_them_all() {
		long deal = start(branching("parallelGateway", ""));
		processTasks.complete(only(deal, "prepare"), new ProcessTaskCompletion(null, List.of(), null, null), manager);

		assertThat(names(deal)).containsExactlyInAnyOrder("Отправить прайс", "Отправить каталог", "Отправить образцы");
		completeActive(deal, "send-price");
		completeActive(deal, "send-catalog");
		assertThat(names(deal)).containsExactly("Отправить образцы");
		completeActive(deal, "send-samples");
		assertThat(names(deal)).containsExactly("Договориться о встрече");
	}

	/**
	 * Prepare, then a gateway of the kind to three sends, joined (for a question, each
	 * send leads to the meeting) before the meeting.
	 */
	private static String branching(String kind, String question) {
		String join = kind.equals("exclusiveGateway") ? "meeting" : "join";
		String joinElement = kind.equals("exclusiveGateway") ? "" : "<%s id=\"join\"/>".formatted(kind);
		String joinFlow = kind.equals("exclusiveGateway") ? ""
				: "<sequenceFlow id=\"to-meeting\" sourceRef=\"join\" targetRef=\"meeting\"/>";
		return """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://clientele.io/route-maps">
				  <process id="KEY" isExecutable="true">
				    <startEvent id="start"/>
				    <userTask id="prepare" name="Подготовить предложение"/>
				    <%1$s id="choice" name="%2$s"/>
				    <userTask id="send-price" name="Отправить прайс"/>
				    <userTask id="send-catalog" name="Отправить каталог"/>
				    <userTask id="send-samples" name="Отправить образцы"/>
				    %4$s
				    <userTask id="meeting" name="Договориться о встрече"/>
				    <endEvent id="end"/>
				    <sequenceFlow id="a" sourceRef="start" targetRef="prepare"/>
				    <sequenceFlow id="b" sourceRef="prepare" targetRef="choice"/>
				    <sequenceFlow id="to-price" name="Прайс" sourceRef="choice" targetRef="send-price"/>
				    <sequenceFlow id="to-catalog" name="Каталог" sourceRef="choice" targetRef="send-catalog"/>
				    <sequenceFlow id="to-samples" name="Образцы" sourceRef="choice" targetRef="send-samples"/>
				    <sequenceFlow id="p" sourceRef="send-price" targetRef="%3$s"/>
				    <sequenceFlow id="c" sourceRef="send-catalog" targetRef="%3$s"/>
				    <sequenceFlow id="s" sourceRef="send-samples" targetRef="%3$s"/>
				    %5$s
				    <sequenceFlow id="z" sourceRef="meeting" targetRef="end"/>
				  </process>
				</definitions>
				"""
			.formatted(kind, question, join, joinElement, joinFlow);
	}

	private long start(String map) {
		String key = TestUsers.unique("gateways");
		maps.deploy(map.replace("KEY", key).getBytes(StandardCharsets.UTF_8));
		long scenario = scenarios.createScenario(TestUsers.unique("Ветки"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);
		return deals.create(new DealDraft(client, null, TestUsers.unique("Поставка"), null, null, scenario, null,
				DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("1000.00"), "RUB", null, null, null, null,
				List.of(), List.of(), List.of(), Map.of()), manager);
	}

	private String only(long deal, String activity) {
		List<ProcessTaskInbox.Row> open = inbox.ofDeal(deal);
		assertThat(open).extracting(ProcessTaskInbox.Row::activityId).containsExactly(activity);
		return open.get(0).taskId();
	}

	private void completeActive(long deal, String activity) {
		String task = inbox.ofDeal(deal)
			.stream()
			.filter(row -> row.activityId().equals(activity))
			.findFirst()
			.orElseThrow()
			.taskId();
		processTasks.complete(task, new ProcessTaskCompletion(null, List.of(), null, null), manager);
	}

	private List<String> names(long deal) {
		return inbox.ofDeal(deal).stream().map(ProcessTaskInbox.Row::name).toList();
	}

	private String processOf(long deal) {
		return inbox.ofDeal(deal).get(0).processInstanceId();
	}

}
