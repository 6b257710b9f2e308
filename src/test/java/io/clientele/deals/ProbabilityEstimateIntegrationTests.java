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
