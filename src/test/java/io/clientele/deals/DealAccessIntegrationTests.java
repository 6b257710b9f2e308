package io.clientele.deals;

import java.util.List;
import java.util.Map;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two sales departments under one head of sales, each with a manager: a deal is seen by
 * its responsible manager, its co-executors and their heads, and by nobody else, wherever
 * they look. Its changes are history; a stale edit is refused; a deleted deal comes back
 * from the recycle bin.
 */
@ClienteleIntegrationTest
class DealAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DealService deals;

	@Autowired
	DealList list;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	RecordHistory history;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser headOfSales;

	CurrentUser owner;

	CurrentUser otherDepartment;

	DealFixtures fixtures;

	String subject;

	long client;

	long deal;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long north = users.department("North", sales);
		long south = users.department("South", sales);
		headOfSales = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		owner = users.user(Role.SALES_MANAGER, north);
		otherDepartment = users.user(Role.SALES_MANAGER, south);
		fixtures = new DealFixtures(scenarios);
		client = clients.create(DealFixtures.client(TestUsers.unique("ООО Клиент")), owner);
		subject = TestUsers.unique("Поставка станков");
		deal = deals.create(fixtures.draft(client, subject), owner);
	}

	@Test
	void manager_of_another_department_cannot_open_the_deal() throws Exception {
		mvc.perform(get("/deals/" + deal).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/deals/" + deal + "/edit").with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/deals/" + deal + "/history").param("before", "999999999").with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/deals/" + deal + "/win").param("version", "0").with(csrf()).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> deals.card(deal, otherDepartment)).isInstanceOf(RecordNotFound.class);
		mvc.perform(get("/deals/" + deal).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(subject)));
	}

	@Test
	void the_api_answers_404_to_another_department_and_lists_nothing_of_it() throws Exception {
		String token = tokens.issue(otherDepartment.id(), "access").secret();
		mvc.perform(get("/api/v1/deals/" + deal).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/deals").param("q", subject).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		String ownToken = tokens.issue(owner.id(), "access").secret();
		mvc.perform(get("/api/v1/deals").param("q", subject).header("Authorization", "Bearer " + ownToken))
			.andExpect(jsonPath("$.items[0].id").value(deal))
			.andExpect(jsonPath("$.items[0].subject").value(subject))
			.andExpect(jsonPath("$.totals[0].amount").value(100000.00));
	}

	@Test
	void the_deal_is_missing_from_the_other_managers_list_and_its_totals() throws Exception {
		mvc.perform(get("/deals").param("q", subject).with(user(otherDepartment)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(">" + subject + "</a>"))));
		assertThat(subjects(otherDepartment)).isEmpty();
		assertThat(list.totals(query(), otherDepartment)).isEmpty();
		mvc.perform(get("/deals").param("q", subject).with(user(owner)))
			.andExpect(content().string(containsString(">" + subject + "</a>")))
			.andExpect(content().string(containsString("data-test=\"totals\"")));
	}

	@Test
	void the_head_of_the_department_tree_sees_the_deal() {
		assertThat(deals.card(deal, headOfSales).subject()).isEqualTo(subject);
		assertThat(subjects(headOfSales)).containsExactly(subject);
	}

	@Test
	void a_co_executor_from_another_department_sees_the_deal() {
		String shared = TestUsers.unique("Совместная");
		long together = deals
			.create(fixtures.draft(client, shared, DealMode.MANUAL_STAGES, List.of(otherDepartment.id())), owner);
		assertThat(deals.card(together, otherDepartment).coExecutors()).containsKey(otherDepartment.id());
		assertThat(list
			.page(new RecordQuery(shared, Map.of(), List.of("name"), "name", false, null, null, null, 50),
					otherDepartment)
			.rows()).extracting(RecordListPage.Row::id).containsExactly(together);
	}

	@Test
	void an_edit_based_on_an_older_version_is_refused() throws Exception {
		DealCard card = deals.card(deal, owner);
		deals.update(deal, fixtures.draft(client, subject + " (изм.)"), card.version(), owner);

		assertThatThrownBy(() -> deals.update(deal, fixtures.draft(client, "Моя версия"), card.version(), owner))
			.isInstanceOf(ConcurrentEdit.class);
		mvc.perform(post("/deals/" + deal).with(csrf())
			.with(user(owner))
			.param("clientId", "" + client)
			.param("scenarioId", "" + fixtures.scenario)
			.param("subject", "Моя версия")
			.param("version", "" + card.version()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("data-test=\"form-error\"")));
		assertThat(deals.card(deal, owner).subject()).isEqualTo(subject + " (изм.)");
	}

	@Test
	void every_change_lands_in_the_history_with_its_old_and_new_value() {
		DealCard card = deals.card(deal, owner);
		deals.update(deal, fixtures.draft(client, "Новая тема"), card.version(), owner);

		List<HistoryEntry> entries = history.of(DealService.RECORD_TYPE, deal, null, 10);
		assertThat(entries).extracting(HistoryEntry::actionKey)
			.containsExactly("history.action.UPDATED", "history.action.CREATED");
		assertThat(entries.get(0).changes()).anySatisfy(change -> {
			assertThat(change.field()).isEqualTo("deal.field.subject");
			assertThat(change.before()).isEqualTo(subject);
			assertThat(change.after()).isEqualTo("Новая тема");
		});
	}

	@Test
	void the_history_shows_amounts_and_dates_as_the_reader_writes_them() throws Exception {
		DealDraft draft = fixtures.draft(client, subject);
		deals.update(deal,
				new DealDraft(client, null, subject, draft.description(), draft.kind(), fixtures.scenario, null, null,
						new java.math.BigDecimal("1282500.00"), "RUB", null, java.time.LocalDate.of(2026, 12, 31),
						draft.channel(), null, List.of(), draft.tags(), List.of(), Map.of()),
				deals.card(deal, owner).version(), owner);

		mvc.perform(get("/deals/" + deal).header("Accept-Language", "ru").with(user(owner)))
			.andExpect(content().string(containsString("<del>100\u00a0000,00 RUB</del>")))
			.andExpect(content().string(containsString("<span>1\u00a0282\u00a0500,00 RUB</span>")))
			.andExpect(content().string(containsString("<span>31 дек. 2026 г.</span>")))
			.andExpect(content().string(not(containsString("1282500.00"))));
		mvc.perform(get("/deals/" + deal).header("Accept-Language", "en").with(user(owner)))
			.andExpect(content().string(containsString("<del>100,000.00 RUB</del>")))
			.andExpect(content().string(containsString("<span>1,282,500.00 RUB</span>")))
			.andExpect(content().string(containsString("<span>Dec 31, 2026</span>")));
	}

	@Test
	void a_deleted_deal_waits_in_the_recycle_bin_and_comes_back() throws Exception {
		deals.delete(deal, deals.card(deal, owner).version(), owner);
		assertThatThrownBy(() -> deals.card(deal, owner)).isInstanceOf(RecordNotFound.class);
		assertThat(subjects(owner)).isEmpty();
		mvc.perform(get("/recycle-bin").with(user(owner))).andExpect(content().string(containsString(subject)));
		mvc.perform(get("/recycle-bin").with(user(otherDepartment)))
			.andExpect(content().string(not(containsString(subject))));
		mvc.perform(post("/recycle-bin/deal/" + deal + "/restore").with(csrf()).with(user(otherDepartment)))
			.andExpect(status().isNotFound());

		mvc.perform(post("/recycle-bin/deal/" + deal + "/restore").with(csrf()).with(user(owner)))
			.andExpect(status().is3xxRedirection());

		assertThat(deals.card(deal, owner).subject()).isEqualTo(subject);
		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 1).get(0).actionKey())
			.isEqualTo("history.action.RESTORED");
	}

	@Test
	void the_client_card_and_the_start_page_show_the_deal() throws Exception {
		mvc.perform(get("/clients/" + client).with(user(owner)))
			.andExpect(content().string(containsString("data-test=\"client-deals\"")))
			.andExpect(content().string(containsString(subject)));
		mvc.perform(get("/").with(user(owner)))
			.andExpect(content().string(containsString("data-test=\"my-deals\"")))
			.andExpect(content().string(containsString(subject)));
		mvc.perform(get("/").with(user(otherDepartment))).andExpect(content().string(not(containsString(subject))));
	}

	private RecordQuery query() {
		return new RecordQuery(subject, Map.of(), List.of("name"), "name", false, null, null, null, 50);
	}

	private List<String> subjects(CurrentUser reader) {
		return list.page(query(), reader).rows().stream().map(RecordListPage.Row::name).toList();
	}

}
