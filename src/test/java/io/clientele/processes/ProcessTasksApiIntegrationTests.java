package io.clientele.processes;

import java.util.List;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A process-controlled deal run through the API: the deal opened in process mode, its
 * actions read and completed through {@code /api/v1/process-tasks}, refusals as problem
 * details naming what is missing, and nothing of it for a person who may not see the
 * deal.
 */
@ClienteleIntegrationTest
class ProcessTasksApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	ProcessTaskInbox inbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JsonMapper json;

	CurrentUser manager;

	String managerToken;

	String strangerToken;

	long client;

	long wholesale;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		CurrentUser stranger = users.user(Role.SALES_MANAGER, users.department("Service", users.rootDepartment()));
		managerToken = "Bearer " + tokens.issue(manager.id(), "process api").secret();
		strangerToken = "Bearer " + tokens.issue(stranger.id(), "process api").secret();
		client = clients.create(TourFixtures.named(TestUsers.unique("ООО Апи-процесс")), manager);
		wholesale = scenarios.all()
			.stream()
			.filter(scenario -> "standard-sale".equals(scenario.routeMapKey()))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void a_deal_opened_in_process_mode_through_the_api_is_advanced_by_completing_its_actions() throws Exception {
		long deal = openInProcessMode();
		String qualification = onlyOpenTask(deal);

		mvc.perform(get("/api/v1/process-tasks/" + qualification).header("Authorization", managerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Квалификация"))
			.andExpect(jsonPath("$.dealId").value(deal))
			.andExpect(jsonPath("$.checklist.length()").value(2))
			.andExpect(jsonPath("$.mayComplete").value(true));

		String next = json.readTree(mvc
			.perform(
					post("/api/v1/process-tasks/" + qualification + "/completion").header("Authorization", managerToken)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"ticked\": [0, 1]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dealId").value(deal))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("nextTaskId").asString();

		assertThat(next).isEqualTo(onlyOpenTask(deal)).isNotEqualTo(qualification);
		mvc.perform(get("/api/v1/process-tasks/" + next).header("Authorization", managerToken))
			.andExpect(jsonPath("$.name").value("Коммерческое предложение"))
			.andExpect(jsonPath("$.stageName").value("Коммерческое предложение"))
			.andExpect(jsonPath("$.question.answers[0].label").value("Да"));
		mvc.perform(get("/api/v1/deals/" + deal).header("Authorization", managerToken))
			.andExpect(jsonPath("$.stageName").value("Коммерческое предложение"));
	}

	@Test
	void an_incomplete_completion_is_refused_with_a_problem_naming_what_is_missing_and_changes_nothing()
			throws Exception {
		long deal = openInProcessMode();
		String qualification = onlyOpenTask(deal);

		mvc.perform(post("/api/v1/process-tasks/" + qualification + "/completion").header("Authorization", managerToken)
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ticked\": [0]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ticked"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("чек-лист")));
		assertThat(onlyOpenTask(deal)).isEqualTo(qualification);

		mvc.perform(post("/api/v1/process-tasks/" + qualification + "/completion").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ticked\": [0, 1]}")).andExpect(status().isOk());
		String proposal = onlyOpenTask(deal);
		mvc.perform(post("/api/v1/process-tasks/" + proposal + "/completion").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"ticked\": [0]}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("answer"));
		assertThat(onlyOpenTask(deal)).isEqualTo(proposal);
	}

	@Test
	void a_person_who_may_not_see_the_deal_neither_reads_nor_completes_its_action() throws Exception {
		long deal = openInProcessMode();
		String qualification = onlyOpenTask(deal);

		mvc.perform(get("/api/v1/process-tasks/" + qualification).header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		mvc.perform(
				post("/api/v1/process-tasks/" + qualification + "/completion").header("Authorization", strangerToken)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"ticked\": [0, 1]}"))
			.andExpect(status().isNotFound());
		assertThat(onlyOpenTask(deal)).isEqualTo(qualification);
	}

	private long openInProcessMode() throws Exception {
		String body = mvc
			.perform(post("/api/v1/deals").header("Authorization", managerToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"clientId": %d, "subject": "%s", "scenarioId": %d, "mode": "PROCESS_CONTROLLED",
						 "amount": 120000, "currency": "RUB"}
						""".formatted(client, TestUsers.unique("Поставка через API"), wholesale)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	private String onlyOpenTask(long deal) {
		List<ProcessTaskInbox.Row> open = inbox.ofDeal(deal);
		assertThat(open).hasSize(1);
		return open.get(0).taskId();
	}

}
