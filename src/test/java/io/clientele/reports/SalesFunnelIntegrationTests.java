package io.clientele.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funnel on a fixture whose figures are counted by hand: two managers of the north
 * department and one of the south, with deals of a scenario of four stages (the second
 * has a required checklist item). Each reader counts only the deals they may see.
 *
 * <pre>
 * deal  manager  way                                   end
 * A1    north A  first → second → third                won
 * A2    north A  first                                 lost (expensive)
 * A3    north A  first → third → second (back)         lost (competitor) in second
 * A4    north A  first, 10 days                        open
 * A5    north A  first → third                         open
 * A6    north A  first                                 lost a year ago (outside the period)
 * B1    north B  first                                 won
 * B2    north B  first                                 open
 * S1    south    first → second                        lost (expensive) in second
 * S2    south    first                                 open
 * </pre>
 */
@ClienteleIntegrationTest
class SalesFunnelIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SalesFunnel funnel;

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	io.clientele.identity.internal.ApiTokens tokens;

	CurrentUser admin;

	CurrentUser headNorth;

	CurrentUser managerA;

	CurrentUser managerB;

	CurrentUser managerSouth;

	long north;

	long south;

	long scenario;

	long first;

	long second;

	long third;

	long fourth;

	long required;

	long expensive;

	long competitor;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		north = users.department("North", sales);
		south = users.department("South", sales);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		headNorth = users.user(Role.HEAD_OF_DEPARTMENT, north);
		managerA = users.user(Role.SALES_MANAGER, north);
		managerB = users.user(Role.SALES_MANAGER, north);
		managerSouth = users.user(Role.SALES_MANAGER, south);
		scenario = scenarios.createScenario(TestUsers.unique("Воронка"));
		first = scenarios.addStage(scenario, "Контакт", 10, 7);
		second = scenarios.addStage(scenario, "Потребности", 30, null);
		third = scenarios.addStage(scenario, "Предложение", 60, null);
		fourth = scenarios.addStage(scenario, "Договор", 90, null);
		required = scenarios.addChecklistItem(second, "Известен бюджет", false);
		expensive = scenarios.addLossReason(TestUsers.unique("Дорого"));
		competitor = scenarios.addLossReason(TestUsers.unique("Конкурент"));

		long a1 = open(managerA);
		move(a1, second, managerA);
		tick(a1, managerA);
		move(a1, third, managerA);
		win(a1, managerA);
		lose(open(managerA), expensive, managerA);
		long a3 = open(managerA);
		move(a3, third, managerA);
		move(a3, second, managerA);
		lose(a3, competitor, managerA);
		long a4 = open(managerA);
		jdbc.sql("update deals set stage_entered_at = now() - interval '10 days' where id = ?").param(a4).update();
		move(open(managerA), third, managerA);
		long a6 = open(managerA);
		lose(a6, expensive, managerA);
		jdbc.sql("update deals set closed_at = now() - interval '1 year' where id = ?").param(a6).update();
		win(open(managerB), managerB);
		open(managerB);
		long s1 = open(managerSouth);
		move(s1, second, managerSouth);
		lose(s1, expensive, managerSouth);
		open(managerSouth);
	}

	@Test
	void an_administrator_counts_every_deal_of_the_scenario() {
		Funnel f = funnel.of(filter(null, null), admin);

		assertThat(open(f)).containsExactly("Контакт 3 300000.00 30000.00 3.3", "Потребности 0",
				"Предложение 1 100000.00 60000.00 0.0", "Договор 0");
		assertThat(closed(f)).containsExactly("Контакт 5 4 80.0 1", "Потребности 3 1 33.3 2", "Предложение 2 1 50.0 0",
				"Договор 0 0 null 0");
		assertThat(f.closedDeals()).isEqualTo(5);
		assertThat(f.won()).isEqualTo(2);
		assertThat(f.overallConversion()).isEqualByComparingTo("40.0");
		assertThat(f.losses()).extracting(loss -> loss.stageName() + " " + loss.reasonId() + " " + loss.deals())
			.containsExactlyInAnyOrder("Потребности " + expensive + " 1", "Потребности " + competitor + " 1",
					"Контакт " + expensive + " 1");
	}

	@Test
	void a_head_counts_the_deals_of_their_department_only() {
		Funnel f = funnel.of(filter(null, null), headNorth);

		assertThat(open(f)).containsExactly("Контакт 2 200000.00 20000.00 5.0", "Потребности 0",
				"Предложение 1 100000.00 60000.00 0.0", "Договор 0");
		assertThat(closed(f)).containsExactly("Контакт 4 3 75.0 1", "Потребности 2 1 50.0 1", "Предложение 2 1 50.0 0",
				"Договор 0 0 null 0");
		assertThat(f.overallConversion()).isEqualByComparingTo("50.0");
	}

	@Test
	void a_manager_counts_their_own_deals_and_none_of_another_departments() {
		Funnel south = funnel.of(filter(null, null), managerSouth);
		assertThat(open(south)).containsExactly("Контакт 1 100000.00 10000.00 0.0", "Потребности 0", "Предложение 0",
				"Договор 0");
		assertThat(closed(south)).containsExactly("Контакт 1 1 100.0 0", "Потребности 1 0 0.0 1",
				"Предложение 0 0 null 0", "Договор 0 0 null 0");

		Funnel mine = funnel.of(filter(null, null), managerA);
		assertThat(mine.closedDeals()).isEqualTo(3);
		assertThat(mine.won()).isEqualTo(1);
		assertThat(open(mine).get(0)).isEqualTo("Контакт 1 100000.00 10000.00 10.0");

		Funnel asking = funnel.of(filter(managerSouth.id(), null), managerA);
		assertThat(asking.closedDeals()).isZero();
		assertThat(asking.openDeals()).isZero();
	}

	@Test
	void the_manager_and_department_filters_narrow_what_the_reader_sees() {
		Funnel b = funnel.of(filter(managerB.id(), null), headNorth);
		assertThat(b.closedDeals()).isEqualTo(1);
		assertThat(closed(b).get(0)).isEqualTo("Контакт 1 1 100.0 0");
		assertThat(b.openDeals()).isEqualTo(1);

		Funnel southOnly = funnel.of(filter(null, south), admin);
		assertThat(southOnly.closedDeals()).isEqualTo(1);
		assertThat(southOnly.openDeals()).isEqualTo(1);

		Funnel southForTheNorthHead = funnel.of(filter(null, south), headNorth);
		assertThat(southForTheNorthHead.closedDeals()).isZero();
	}

	@Test
	void the_page_shows_the_figures_and_the_workbook_downloads() throws Exception {
		mvc.perform(get("/reports/funnel").param("scenario", String.valueOf(scenario)).with(user(managerSouth)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-funnel-chart")))
			.andExpect(content().string(containsString("Потребности")));
		mvc.perform(get("/reports/funnel/export").param("scenario", String.valueOf(scenario)).with(user(headNorth)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")));
		mvc.perform(get("/reports/funnel").param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.param("scenario", String.valueOf(scenario))
			.with(user(admin))).andExpect(status().isUnprocessableContent());
	}

	@Test
	void the_api_answers_the_pages_figures_within_the_callers_access() throws Exception {
		String yesterday = LocalDate.now().minusDays(1).toString();
		String tomorrow = LocalDate.now().plusDays(1).toString();
		mvc.perform(get("/api/v1/reports/funnel").param("scenario", String.valueOf(scenario))
			.param("from", yesterday)
			.param("to", tomorrow)
			.header("Authorization", token(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scenarioId").value(scenario))
			.andExpect(jsonPath("$.openDeals").value(4))
			.andExpect(jsonPath("$.open[0].name").value("Контакт"))
			.andExpect(jsonPath("$.open[0].deals").value(3))
			.andExpect(jsonPath("$.open[0].amounts[0].currency").value("RUB"))
			.andExpect(jsonPath("$.open[0].amounts[0].amount").value(300000.00))
			.andExpect(jsonPath("$.closedDeals").value(5))
			.andExpect(jsonPath("$.won").value(2))
			.andExpect(jsonPath("$.overallConversion").value(40.0))
			.andExpect(jsonPath("$.closed[1].entered").value(3))
			.andExpect(jsonPath("$.closed[1].wentOn").value(1))
			.andExpect(jsonPath("$.closed[1].lostHere").value(2))
			.andExpect(jsonPath("$.losses.length()").value(3));
		mvc.perform(get("/api/v1/reports/funnel").param("scenario", String.valueOf(scenario))
			.param("from", yesterday)
			.param("to", tomorrow)
			.header("Authorization", token(managerSouth)))
			.andExpect(jsonPath("$.openDeals").value(1))
			.andExpect(jsonPath("$.closedDeals").value(1))
			.andExpect(jsonPath("$.won").value(0));
		mvc.perform(get("/api/v1/reports/funnel").param("scenario", String.valueOf(scenario))
			.param("department", String.valueOf(south))
			.header("Authorization", token(headNorth)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openDeals").value(0))
			.andExpect(jsonPath("$.closedDeals").value(0))
			.andExpect(jsonPath("$.departmentId").value(south));
	}

	@Test
	void the_api_refuses_an_unknown_scenario_and_a_reversed_period_with_problem_details() throws Exception {
		mvc.perform(
				get("/api/v1/reports/funnel").param("scenario", "999999999").header("Authorization", token(managerA)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/reports/funnel").param("scenario", String.valueOf(scenario))
			.param("from", "2026-02-01")
			.param("to", "2026-01-01")
			.header("Accept-Language", "en")
			.header("Authorization", token(managerA)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(get("/api/v1/reports/funnel").param("from", "someday").header("Authorization", token(managerA)))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void the_funnel_and_the_deal_calls_are_in_the_openapi_document() throws Exception {
		var paths = tools.jackson.databind.json.JsonMapper.shared()
			.readTree(mvc.perform(get("/api/docs")).andReturn().getResponse().getContentAsString())
			.get("paths");
		assertThat(paths.get("/api/v1/reports/funnel").has("get")).isTrue();
		assertThat(paths.get("/api/v1/deals/{id}/estimate").has("get")).isTrue();
		assertThat(paths.get("/api/v1/deals/{id}/attachments").has("get")).isTrue();
		assertThat(paths.get("/api/v1/deals/{id}/attachments").has("post")).isTrue();
		assertThat(paths.get("/api/v1/deals/{id}/attachments/{attachmentId}").has("get")).isTrue();
		assertThat(paths.get("/api/v1/deals/{id}/attachments/{attachmentId}").has("delete")).isTrue();
	}

	private String token(CurrentUser user) {
		return "Bearer " + tokens.issue(user.id(), "funnel").secret();
	}

	private FunnelFilter filter(@Nullable Long manager, @Nullable Long department) {
		LocalDate today = LocalDate.now();
		return new FunnelFilter(scenario, today.minusDays(1), today.plusDays(1), manager, department);
	}

	private static List<String> open(Funnel f) {
		return f.open()
			.stream()
			.map(s -> s.name() + " " + s.deals()
					+ (s.amounts().isEmpty() ? ""
							: " " + s.amounts().get(0).amount() + " " + s.amounts().get(0).weighted() + " "
									+ s.averageDays()))
			.toList();
	}

	private static List<String> closed(Funnel f) {
		return f.closed()
			.stream()
			.map(s -> s.name() + " " + s.entered() + " " + s.wentOn() + " " + s.conversion() + " " + s.lostHere())
			.toList();
	}

	private long open(CurrentUser manager) {
		long client = clients.create(new ClientDraft(ClientKind.ORGANISATION, TestUsers.unique("ООО Клиент"), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of()), manager);
		return deals.create(new DealDraft(client, null, "Поставка", null, "Поставка", scenario, null,
				DealMode.MANUAL_STAGES, new BigDecimal("100000.00"), "RUB", null, null, null, null, List.of(),
				List.of(), List.of(), Map.of()), manager);
	}

	private long version(long deal, CurrentUser actor) {
		return deals.card(deal, actor).version();
	}

	private void move(long deal, long stage, CurrentUser actor) {
		progress.move(deal, stage, version(deal, actor), actor);
	}

	private void tick(long deal, CurrentUser actor) {
		progress.tick(deal, required, true, version(deal, actor), actor);
	}

	private void win(long deal, CurrentUser actor) {
		progress.win(deal, version(deal, actor), actor);
	}

	private void lose(long deal, long reason, CurrentUser actor) {
		progress.lose(deal, reason, null, version(deal, actor), actor);
	}

}
