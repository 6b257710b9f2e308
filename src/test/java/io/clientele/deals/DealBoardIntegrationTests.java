package io.clientele.deals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.deals.DealBoard.Column;
import io.clientele.deals.DealBoard.Filter;
import io.clientele.deals.DealBoard.Period;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
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
 * The deal board: its columns hold the open deals a reader may see, with counts and sums
 * added up by the database, first cards by expected close, overdue and stalled marks;
 * filters narrow it; a move from the board goes through the deal's rules and a refusal
 * comes back in the user's language.
 */
@ClienteleIntegrationTest
class DealBoardIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DealBoard board;

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
	TransactionTemplate transactions;

	CurrentUser head;

	CurrentUser north;

	CurrentUser south;

	DealFixtures fixtures;

	SalesScenario scenario;

	long client;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long northDepartment = users.department("North", sales);
		long southDepartment = users.department("South", sales);
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		north = users.user(Role.SALES_MANAGER, northDepartment);
		south = users.user(Role.SALES_MANAGER, southDepartment);
		fixtures = new DealFixtures(scenarios);
		scenario = scenarios.scenario(fixtures.scenario);
		client = clients.create(DealFixtures.client(TestUsers.unique("ООО Доска")), north);
	}

	@Test
	void columns_count_and_sum_the_open_deals_of_each_stage() {
		long a = open(north, "A", "100000.00", LocalDate.now().plusDays(20));
		long b = open(north, "B", "50000.00", LocalDate.now().plusDays(5));
		long c = open(north, "C", "30000.00", null);
		long won = open(north, "Won", "999999.00", null);
		move(north, c, fixtures.second);
		move(north, won, fixtures.second);
		progress.tick(won, fixtures.requiredItem, true, version(won), north);
		progress.win(won, version(won), north);

		List<Column> columns = columns(north, Filter.NONE);

		assertThat(columns).extracting(column -> column.stage().id())
			.containsExactly(fixtures.first, fixtures.second, fixtures.third, fixtures.fourth);
		Column first = columns.get(0);
		assertThat(first.count()).isEqualTo(2);
		assertThat(first.cards()).extracting(DealBoard.Card::id).as("by expected close").containsExactly(b, a);
		assertThat(first.totals()).singleElement().satisfies(total -> {
			assertThat(total.currency()).isEqualTo("RUB");
			assertThat(total.amount()).isEqualByComparingTo("150000");
			assertThat(total.weighted()).as("10 % of each").isEqualByComparingTo("15000");
		});
		Column second = columns.get(1);
		assertThat(second.count()).as("the won deal has left the board").isEqualTo(1);
		assertThat(second.cards()).extracting(DealBoard.Card::id).containsExactly(c);
		assertThat(second.totals()).singleElement()
			.satisfies(total -> assertThat(total.weighted()).as("30 % of 30 000").isEqualByComparingTo("9000"));
		assertThat(columns.get(2).count()).isZero();
		assertThat(columns.get(2).totals()).isEmpty();
		assertThat(first.more()).isFalse();
	}

	@Test
	void a_column_shows_its_first_cards_and_says_there_are_more() {
		for (int i = 0; i < 3; i++) {
			open(north, "Deal " + i, "1000.00", LocalDate.now().plusDays(i));
		}
		Column first = board
			.columns(scenario, DealBoard.columnsOf(scenario, List.of(fixtures.first)), Filter.NONE, 2, north)
			.get(0);
		assertThat(first.cards()).hasSize(2);
		assertThat(first.count()).isEqualTo(3);
		assertThat(first.more()).isTrue();
		assertThat(first.nextLimit()).isEqualTo(2 + DealBoard.PAGE);
	}

	@Test
	void cards_are_marked_overdue_after_their_expected_close_and_stalled_after_the_stage_allows() {
		long late = open(north, "Late", "1000.00", LocalDate.now().minusDays(1));
		long slow = open(north, "Slow", "1000.00", LocalDate.now().plusDays(30));
		jdbc.sql("update deals set stage_entered_at = now() - interval '8 days' where id = ?").param(slow).update();

		var cards = columns(north, Filter.NONE).get(0).cards();

		assertThat(cards).filteredOn(card -> card.id() == late).singleElement().satisfies(card -> {
			assertThat(card.overdue()).isTrue();
			assertThat(card.stalled()).isFalse();
		});
		assertThat(cards).filteredOn(card -> card.id() == slow).singleElement().satisfies(card -> {
			assertThat(card.overdue()).isFalse();
			assertThat(card.stalled()).as("the first stage allows 7 days").isTrue();
			assertThat(card.daysInStage()).isEqualTo(8);
		});
	}

	@Test
	void a_manager_of_another_department_sees_none_of_the_deals_and_their_head_sees_all() {
		long northDeal = open(north, "North", "1000.00", null);
		long southDeal = open(south, "South", "2000.00", null);

		assertThat(columns(south, Filter.NONE).get(0).cards()).extracting(DealBoard.Card::id)
			.containsExactly(southDeal);
		assertThat(columns(north, Filter.NONE).get(0).cards()).extracting(DealBoard.Card::id)
			.containsExactly(northDeal);
		assertThat(columns(head, Filter.NONE).get(0).cards()).extracting(DealBoard.Card::id)
			.containsExactlyInAnyOrder(northDeal, southDeal);
	}

	@Test
	void a_head_narrows_the_board_to_a_manager_a_department_or_a_period() {
		long northDeal = open(north, "North", "1000.00", LocalDate.of(2026, 3, 10));
		long southDeal = open(south, "South", "2000.00", LocalDate.of(2026, 5, 10));
		long shared = deals.create(fixtures.draft(client, "Shared", DealMode.MANUAL_STAGES, List.of(south.id())),
				north);

		assertThat(cards(head, new Filter(south.id(), null, Period.EXPECTED, null, null)))
			.as("responsible or co-executor")
			.containsExactlyInAnyOrder(southDeal, shared);
		assertThat(cards(head, new Filter(null, north.departmentId(), Period.EXPECTED, null, null)))
			.containsExactlyInAnyOrder(northDeal, shared);
		assertThat(cards(head,
				new Filter(null, null, Period.EXPECTED, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))))
			.containsExactly(northDeal);
		assertThat(cards(head, new Filter(null, null, Period.CREATED, LocalDate.now(), LocalDate.now())))
			.containsExactlyInAnyOrder(northDeal, southDeal, shared);
		assertThat(cards(head, new Filter(null, null, Period.CREATED, LocalDate.now().plusDays(1), null))).isEmpty();
	}

	@Test
	void the_board_page_shows_the_columns_and_remembers_the_scenario_chosen() throws Exception {
		long deal = open(north, "Поставка на доску", "1000.00", null);
		mvc.perform(get("/deals/board").param("scenario", Long.toString(fixtures.scenario)).with(user(north)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Поставка на доску")))
			.andExpect(content().string(containsString("data-deal=\"" + deal + "\"")));
		mvc.perform(get("/deals/board").with(user(north)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-scenario=\"" + fixtures.scenario + "\"")));
		mvc.perform(get("/deals/board").with(user(south)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Поставка на доску"))));
	}

	@Test
	void viewing_the_board_again_in_the_remembered_scenario_writes_nothing() {
		SalesScenario other = scenarios.active()
			.stream()
			.filter(s -> s.id() != fixtures.scenario)
			.findFirst()
			.orElseThrow();
		board.choose(north.id(), fixtures.scenario);

		Boolean wrote = transactions.execute(status -> {
			board.choose(north.id(), fixtures.scenario);
			return jdbc.sql("select pg_current_xact_id_if_assigned() is not null").query(Boolean.class).single();
		});

		assertThat(wrote).as("no transaction id, so no commit to flush and no row lock").isFalse();
		assertThat(board.chosenScenario(north.id())).contains(fixtures.scenario);
		board.choose(north.id(), other.id());
		assertThat(board.chosenScenario(north.id())).as("a change is still remembered").contains(other.id());
	}

	@Test
	void a_column_alone_is_served_for_show_more_and_live_updates() throws Exception {
		long deal = open(north, "Одна колонка", "1000.00", null);
		mvc.perform(get("/deals/board/column").param("scenario", Long.toString(fixtures.scenario))
			.param("stage", Long.toString(fixtures.first))
			.param("limit", "10")
			.with(user(north)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("board-col-" + fixtures.first)))
			.andExpect(content().string(containsString("data-deal=\"" + deal + "\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/deals/board/column").param("scenario", Long.toString(fixtures.scenario))
			.param("stage", "999999999")
			.with(user(north))).andExpect(status().isNotFound());
	}

	@Test
	void a_move_from_the_board_refused_by_the_checklist_answers_in_the_users_language() throws Exception {
		long deal = open(north, "Чек-лист", "1000.00", null);
		move(north, deal, fixtures.second);

		mvc.perform(post("/deals/board/move").param("id", Long.toString(deal))
			.param("stageId", Long.toString(fixtures.third))
			.param("version", Long.toString(version(deal)))
			.accept(MediaType.APPLICATION_JSON)
			.locale(Locale.forLanguageTag("ru"))
			.header("Accept-Language", "ru")
			.with(csrf())
			.with(user(north)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.moved").value(false))
			.andExpect(jsonPath("$.message").value(containsString("Известен бюджет")))
			.andExpect(jsonPath("$.message").value(containsString("отметьте")));
		assertThat(deals.card(deal, north).stageId()).isEqualTo(fixtures.second);
	}

	@Test
	void a_stale_or_invisible_move_from_the_board_is_refused() throws Exception {
		long deal = open(north, "Старая версия", "1000.00", null);
		long stale = version(deal);
		move(north, deal, fixtures.second);

		mvc.perform(post("/deals/board/move").param("id", Long.toString(deal))
			.param("stageId", Long.toString(fixtures.first))
			.param("version", Long.toString(stale))
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(user(north))).andExpect(status().isConflict()).andExpect(jsonPath("$.moved").value(false));
		mvc.perform(post("/deals/board/move").param("id", Long.toString(deal))
			.param("stageId", Long.toString(fixtures.first))
			.param("version", Long.toString(version(deal)))
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(user(south))).andExpect(status().isNotFound());
		mvc.perform(post("/deals/board/move").param("id", Long.toString(deal))
			.param("stageId", Long.toString(fixtures.first))
			.param("version", Long.toString(version(deal)))
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with(user(north))).andExpect(status().isOk()).andExpect(jsonPath("$.moved").value(true));
		assertThat(deals.card(deal, north).stageId()).isEqualTo(fixtures.first);
	}

	@Test
	void on_the_board_only_the_board_entry_of_the_sidebar_is_highlighted() throws Exception {
		assertThat(highlighted("/deals/board")).containsExactly("/deals/board");
		assertThat(highlighted("/deals")).containsExactly("/deals");
		long deal = open(north, "Card", "1000.00", null);
		assertThat(highlighted("/deals/" + deal)).as("a deal's card belongs to the deals").containsExactly("/deals");
	}

	/** The links of the sidebar entries marked as the current page. */
	private List<String> highlighted(String page) throws Exception {
		String html = mvc.perform(get(page).with(user(north)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return java.util.regex.Pattern
			.compile("<li class=\"nav-item active\"[^>]*>\\s*<a class=\"nav-link\" href=\"([^\"]+)\"")
			.matcher(html)
			.results()
			.map(match -> match.group(1))
			.toList();
	}

	private List<Column> columns(CurrentUser reader, Filter filter) {
		return board.columns(scenario, DealBoard.columnsOf(scenario, null), filter, DealBoard.PAGE, reader);
	}

	private List<Long> cards(CurrentUser reader, Filter filter) {
		return columns(reader, filter).stream()
			.flatMap(column -> column.cards().stream())
			.map(DealBoard.Card::id)
			.toList();
	}

	private long open(CurrentUser owner, String subject, String amount, LocalDate expected) {
		long clientOfOwner = owner.equals(north) ? client
				: clients.create(DealFixtures.client(TestUsers.unique("ООО Клиент")), owner);
		DealDraft draft = fixtures.draft(clientOfOwner, subject);
		return deals.create(new DealDraft(draft.clientId(), null, subject, null, null, draft.scenarioId(), null,
				DealMode.MANUAL_STAGES, new BigDecimal(amount), "RUB", null, expected, null, null, List.of(), List.of(),
				List.of(), Map.of()), owner);
	}

	private void move(CurrentUser actor, long deal, long stage) {
		progress.move(deal, stage, version(deal), actor);
	}

	private long version(long deal) {
		return jdbc.sql("select version from deals where id = ?").param(deal).query(Long.class).single();
	}

}
