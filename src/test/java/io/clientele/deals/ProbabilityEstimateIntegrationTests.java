package io.clientele.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.deals.ProbabilityEstimate.Basis;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The estimate on known data, counted by hand. In a scenario of three stages:
 *
 * <pre>
 * manager   client  kind      deals  way               end
 * first     loyal   Монтаж    15     first → second    won
 * first     loyal   Монтаж     5     first → second    lost
 * second    other   " монтаж"  10    first             lost
 * </pre>
 *
 * so at the first stage: the loyal client 15 of 20, the first manager 15 of 20, the kind
 * "монтаж" 15 of 30, the scenario 15 of 30; at the second stage 15 of 20 for all of them.
 */
@ClienteleIntegrationTest
class ProbabilityEstimateIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ProbabilityEstimates estimates;

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

	CurrentUser head;

	CurrentUser firstManager;

	CurrentUser secondManager;

	long scenario;

	long first;

	long second;

	long third;

	long loyal;

	long other;

	long fresh;

	long reason;

	List<Long> won;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		firstManager = users.user(Role.SALES_MANAGER, sales);
		secondManager = users.user(Role.SALES_MANAGER, sales);
		scenario = scenarios.createScenario(TestUsers.unique("Оценки"));
		first = scenarios.addStage(scenario, "Заявка", 10, null);
		second = scenarios.addStage(scenario, "Смета", 40, null);
		third = scenarios.addStage(scenario, "Договор", 80, null);
		reason = scenarios.addLossReason(TestUsers.unique("Дорого"));
		loyal = clients.create(DealFixtures.client(TestUsers.unique("ООО Постоянный")), firstManager);
		other = clients.create(DealFixtures.client(TestUsers.unique("ООО Другой")), secondManager);
		fresh = clients.create(DealFixtures.client(TestUsers.unique("ООО Новый")), head);
		won = new java.util.ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long deal = open(firstManager, loyal, "Монтаж");
			move(deal, second, firstManager);
			if (i < 15) {
				progress.win(deal, version(deal, firstManager), firstManager);
				won.add(deal);
			}
			else {
				progress.lose(deal, reason, null, version(deal, firstManager), firstManager);
			}
		}
		for (int i = 0; i < 10; i++) {
			long deal = open(secondManager, other, " монтаж");
			progress.lose(deal, reason, null, version(deal, secondManager), secondManager);
		}
	}

	@Test
	void the_narrowest_basis_with_twenty_closed_deals_is_used() {
		assertThat(estimate(first, loyal, firstManager, "Монтаж"))
			.isEqualTo(new ProbabilityEstimate(75, Basis.CLIENT, 20, 15));
		assertThat(estimate(first, fresh, firstManager, "Поставка"))
			.isEqualTo(new ProbabilityEstimate(75, Basis.MANAGER, 20, 15));
		assertThat(estimate(first, fresh, secondManager, "МОНТАЖ"))
			.isEqualTo(new ProbabilityEstimate(50, Basis.KIND, 30, 15));
		assertThat(estimate(first, other, secondManager, null))
			.isEqualTo(new ProbabilityEstimate(50, Basis.SCENARIO, 30, 15));
		assertThat(estimate(second, fresh, secondManager, null))
			.isEqualTo(new ProbabilityEstimate(75, Basis.SCENARIO, 20, 15));
		assertThat(estimates.estimate(scenario, third, loyal, firstManager.id(), "Монтаж")).isEmpty();
	}

	@Test
	void a_reopened_deal_no_longer_counts_until_it_closes_again() {
		long deal = won.get(0);
		progress.reopen(deal, version(deal, head), head);
		assertThat(estimate(first, loyal, firstManager, "Монтаж"))
			.isEqualTo(new ProbabilityEstimate(48, Basis.KIND, 29, 14));

		progress.lose(deal, reason, null, version(deal, head), head);
		assertThat(estimate(first, loyal, firstManager, "Монтаж"))
			.isEqualTo(new ProbabilityEstimate(70, Basis.CLIENT, 20, 14));
	}

	@Test
	void a_deal_moved_to_the_recycle_bin_no_longer_counts() {
		long deal = won.get(1);
		deals.delete(deal, version(deal, firstManager), firstManager);
		assertThat(estimate(second, fresh, secondManager, null))
			.isEqualTo(new ProbabilityEstimate(74, Basis.SCENARIO, 19, 14));
		deals.restore(deal, firstManager);
		assertThat(estimate(second, fresh, secondManager, null))
			.isEqualTo(new ProbabilityEstimate(75, Basis.SCENARIO, 20, 15));
	}

	@Test
	void the_card_shows_the_estimate_and_one_click_makes_it_the_probability() throws Exception {
		long deal = open(firstManager, loyal, "Монтаж");
		long version = version(deal, firstManager);
		mvc.perform(get("/deals/" + deal).with(user(firstManager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"accept-estimate\"")))
			.andExpect(content().string(containsString("75%")));

		mvc.perform(post("/deals/" + deal + "/probability").param("probability", "75")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(user(firstManager))).andExpect(status().is3xxRedirection());
		assertThat(deals.card(deal, firstManager).probability()).isEqualTo(75);

		mvc.perform(post("/deals/" + deal + "/probability").param("probability", "60")
			.param("version", String.valueOf(version))
			.with(csrf())
			.with(user(firstManager))).andExpect(flash().attribute("failure", "problem.concurrent-edit"));
		assertThat(deals.card(deal, firstManager).probability()).isEqualTo(75);
		mvc.perform(post("/deals/" + deal + "/probability").param("probability", "60")
			.param("version", String.valueOf(version + 1))
			.with(csrf())
			.with(user(secondManager))).andExpect(status().isNotFound());
	}

	@Test
	void the_api_gives_a_deals_estimate_to_those_who_may_see_it_and_404_to_others() throws Exception {
		long deal = open(firstManager, loyal, "Монтаж");
		mvc.perform(get("/api/v1/deals/" + deal + "/estimate").header("Authorization", token(firstManager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dealId").value(deal))
			.andExpect(jsonPath("$.stageId").value(first))
			.andExpect(jsonPath("$.probability").value(10))
			.andExpect(jsonPath("$.percent").value(75))
			.andExpect(jsonPath("$.basis").value("CLIENT"))
			.andExpect(jsonPath("$.deals").value(20))
			.andExpect(jsonPath("$.won").value(15));
		mvc.perform(get("/api/v1/deals/" + deal + "/estimate").header("Authorization", token(head)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.percent").value(75));
		mvc.perform(get("/api/v1/deals/" + deal + "/estimate").header("Authorization", token(secondManager)))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.status").value(404));

		mvc.perform(get("/api/v1/deals/" + won.get(0) + "/estimate").header("Authorization", token(firstManager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.percent").doesNotExist())
			.andExpect(jsonPath("$.basis").doesNotExist());
	}

	@Test
	void the_new_deal_form_estimates_for_the_stage_chosen_on_it() throws Exception {
		mvc.perform(get("/deals/new").param("clientId", String.valueOf(fresh))
			.param("scenarioId", String.valueOf(scenario))
			.header("Accept-Language", "en")
			.with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"" + first + "\" selected=\"selected\">")))
			.andExpect(content().string(containsString("Estimate 50% — all deals of the scenario, 30 closed deals")))
			.andExpect(content().string(
					org.hamcrest.Matchers.matchesPattern("(?s)(?!.*id=\"form-estimate\".*id=\"form-estimate\").*")));

		assertThat(formEstimate(head, "stageId", second))
			.isEqualTo("Estimate 75% — all deals of the scenario, 20 closed deals");
		assertThat(formEstimate(head, "stageId", third)).as("no closed deal reached it").isEmpty();
		assertThat(formEstimate(head, "stageId", first, "responsibleId", firstManager.id(), "kind", "Поставка"))
			.isEqualTo("Estimate 75% — this manager's deals, 20 closed deals");
		assertThat(formEstimate(head, "stageId", first, "kind", "МОНТАЖ"))
			.isEqualTo("Estimate 50% — deals of this kind, 30 closed deals");
		assertThat(formEstimate(head, "stageId", 999999999L))
			.as("a stage not of the scenario: the deal would start in the first")
			.isEqualTo("Estimate 50% — all deals of the scenario, 30 closed deals");
	}

	@Test
	void choosing_another_scenario_offers_its_stages_and_the_estimate_of_its_first() throws Exception {
		long other = scenarios.createScenario(TestUsers.unique("Другой"));
		long start = scenarios.addStage(other, "Начало", 20, null);
		long end = scenarios.addStage(other, "Конец", 70, null);
		String html = mvc
			.perform(get("/deals/form/stage").param("clientId", String.valueOf(loyal))
				.param("scenarioId", String.valueOf(other))
				.param("stageId", String.valueOf(second))
				.header("Accept-Language", "en")
				.with(user(firstManager)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<option value=\"" + start + "\" selected=\"selected\">Начало</option>")
			.contains("<option value=\"" + end + "\">Конец</option>")
			.doesNotContain("value=\"" + second + "\"")
			.contains("id=\"form-estimate\" hx-swap-oob=\"true\"")
			.doesNotContain("data-test=\"form-estimate\"");
		mvc.perform(get("/deals/form/stage").param("clientId", String.valueOf(loyal))
			.param("scenarioId", String.valueOf(scenario))
			.header("Accept-Language", "en")
			.with(user(firstManager)))
			.andExpect(content().string(containsString("Estimate 75% — this client&#39;s deals, 20 closed deals")));
	}

	@Test
	void the_form_estimate_asks_only_about_clients_and_managers_the_user_may_see() throws Exception {
		mvc.perform(get("/deals/form/estimate").param("clientId", String.valueOf(loyal))
			.param("scenarioId", String.valueOf(scenario))
			.with(user(secondManager))).andExpect(status().isNotFound());
		assertThat(formEstimate(secondManager, "clientId", other, "responsibleId", firstManager.id()))
			.as("the first manager's 75 % is not the second's to see")
			.isEqualTo("Estimate 50% — all deals of the scenario, 30 closed deals");
	}

	@Test
	void the_edit_form_estimate_follows_the_manager_and_kind_chosen_on_it() throws Exception {
		long deal = deals.create(new DealDraft(fresh, null, "Работы", null, "Поставка", scenario, null,
				DealMode.MANUAL_STAGES, new BigDecimal("5000.00"), "RUB", null, null, null, null, List.of(), List.of(),
				List.of(), Map.of()), head);
		mvc.perform(get("/deals/" + deal + "/edit").header("Accept-Language", "en").with(user(head)))
			.andExpect(content().string(containsString("Estimate 50% — all deals of the scenario, 30 closed deals")));
		assertThat(formEstimate(head, "dealId", deal, "responsibleId", firstManager.id(), "kind", "Поставка"))
			.isEqualTo("Estimate 75% — this manager's deals, 20 closed deals");
		assertThat(formEstimate(head, "dealId", deal, "responsibleId", head.id(), "kind", "монтаж"))
			.isEqualTo("Estimate 50% — deals of this kind, 30 closed deals");
		mvc.perform(get("/deals/form/estimate").param("dealId", String.valueOf(deal)).with(user(secondManager)))
			.andExpect(status().isNotFound());
	}

	/**
	 * The estimate the form shows for a new deal of the fresh client in the scenario,
	 * with these fields set (name, value, name, value…), as its text; empty when there is
	 * none.
	 */
	private String formEstimate(CurrentUser user, Object... fields) throws Exception {
		Map<String, String> params = new java.util.LinkedHashMap<>();
		params.put("clientId", String.valueOf(fresh));
		params.put("scenarioId", String.valueOf(scenario));
		for (int i = 0; i < fields.length; i += 2) {
			params.put((String) fields[i], String.valueOf(fields[i + 1]));
		}
		var request = get("/deals/form/estimate").header("Accept-Language", "en").with(user(user));
		params.forEach(request::param);
		String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		var text = java.util.regex.Pattern.compile("<span>(Estimate[^<]*)</span>").matcher(html);
		return text.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(text.group(1)) : "";
	}

	private String token(CurrentUser user) {
		return "Bearer " + tokens.issue(user.id(), "estimate").secret();
	}

	private ProbabilityEstimate estimate(long stage, long client, CurrentUser manager, @Nullable String kind) {
		return estimates.estimate(scenario, stage, client, manager.id(), kind).orElseThrow();
	}

	private long open(CurrentUser manager, long client, String kind) {
		return deals.create(new DealDraft(client, null, "Работы", null, kind, scenario, null, DealMode.MANUAL_STAGES,
				new BigDecimal("5000.00"), "RUB", null, null, null, null, List.of(), List.of(), List.of(), Map.of()),
				manager);
	}

	private long version(long deal, CurrentUser actor) {
		return deals.card(deal, actor).version();
	}

	private void move(long deal, long stage, CurrentUser actor) {
		progress.move(deal, stage, version(deal, actor), actor);
	}

}
