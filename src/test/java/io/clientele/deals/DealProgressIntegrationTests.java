package io.clientele.deals;

import java.math.BigDecimal;
import java.util.List;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deal's way through its stages: checklists hold it in a stage, the mode decides who
 * moves it, closing needs what it needs, and every stay in a stage is kept with its
 * times.
 */
@ClienteleIntegrationTest
class DealProgressIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	io.clientele.processes.RouteMaps routeMaps;

	@Autowired
	RecordHistory history;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	PlatformTransactionManager transactions;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser colleague;

	DealFixtures fixtures;

	long client;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		fixtures = new DealFixtures(scenarios).followingRouteMap(scenarios, routeMaps);
		client = clients.create(DealFixtures.client(TestUsers.unique("ООО Этапы")), manager);
	}

	@Test
	void stage_settings_changed_by_another_node_show_on_the_next_read_and_a_rolled_back_change_never_does() {
		assertThat(scenarios.scenario(fixtures.scenario).stage(fixtures.first).orElseThrow().name())
			.isEqualTo("Контакт");
		// Another node writes straight to the tables; this node's copy must not outlive
		// it.
		jdbc.sql("update sales_stages set name = 'Первый контакт' where id = ?").param(fixtures.first).update();
		jdbc.sql("update stage_checklist_items set active = false where id = ?").param(fixtures.optionalItem).update();
		SalesScenario changed = scenarios.scenario(fixtures.scenario);
		assertThat(changed.stage(fixtures.first).orElseThrow().name()).isEqualTo("Первый контакт");
		assertThat(changed.stage(fixtures.second).orElseThrow().checklist()).extracting(SalesScenario.ChecklistItem::id)
			.containsExactly(fixtures.requiredItem);

		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			jdbc.sql("update sales_stages set name = 'Отменённое имя' where id = ?").param(fixtures.first).update();
			assertThat(scenarios.scenario(fixtures.scenario).stage(fixtures.first).orElseThrow().name())
				.isEqualTo("Отменённое имя");
			tx.setRollbackOnly();
		});
		assertThat(scenarios.scenario(fixtures.scenario).stage(fixtures.first).orElseThrow().name())
			.isEqualTo("Первый контакт");
	}

	@Test
	void a_new_deal_starts_at_the_first_stage_with_its_probability() {
		DealCard card = deals.card(open(), manager);
		assertThat(card.stageId()).isEqualTo(fixtures.first);
		assertThat(card.probability()).isEqualTo(10);
		assertThat(card.state()).isEqualTo(DealState.IN_WORK);
		assertThat(card.visits()).singleElement().satisfies(visit -> {
			assertThat(visit.stageId()).isEqualTo(fixtures.first);
			assertThat(visit.leftAt()).isNull();
		});
	}

	@Test
	void manager_cannot_move_deal_past_an_unticked_checklist_item() {
		long deal = open();
		move(deal, fixtures.second);

		assertThatThrownBy(() -> move(deal, fixtures.third)).isInstanceOf(RuleViolation.class).satisfies(ex -> {
			assertThat(((RuleViolation) ex).messageKey()).isEqualTo("deal.checklist.incomplete");
			assertThat(((RuleViolation) ex).arguments()).contains("Потребности", "Известен бюджет");
		});
		assertThatThrownBy(() -> progress.win(deal, version(deal), manager)).isInstanceOf(RuleViolation.class);

		progress.tick(deal, fixtures.requiredItem, true, version(deal), manager);
		move(deal, fixtures.third);
		assertThat(deals.card(deal, manager).stageId()).isEqualTo(fixtures.third);
	}

	@Test
	void an_optional_item_does_not_hold_the_deal_and_going_back_needs_no_ticks() {
		long deal = open();
		move(deal, fixtures.second);
		move(deal, fixtures.first);
		move(deal, fixtures.second);
		progress.tick(deal, fixtures.requiredItem, true, version(deal), manager);
		move(deal, fixtures.fourth);
		assertThat(deals.card(deal, manager).stageId()).isEqualTo(fixtures.fourth);
		assertThat(deals.card(deal, manager).probability()).isEqualTo(90);
	}

	@Test
	void every_stay_in_a_stage_is_kept_with_when_it_began_and_ended() {
		long deal = open();
		move(deal, fixtures.second);
		progress.tick(deal, fixtures.requiredItem, true, version(deal), manager);
		move(deal, fixtures.third);
		progress.win(deal, version(deal), manager);

		List<DealCard.Visit> visits = deals.card(deal, manager).visits();
		assertThat(visits).extracting(DealCard.Visit::stageId)
			.containsExactly(fixtures.first, fixtures.second, fixtures.third);
		assertThat(visits).extracting(DealCard.Visit::outcome).containsExactly("MOVED", "MOVED", "WON");
		for (int i = 0; i < visits.size(); i++) {
			assertThat(visits.get(i).leftAt()).isNotNull().isAfterOrEqualTo(visits.get(i).enteredAt());
			if (i > 0) {
				assertThat(visits.get(i).enteredAt()).isEqualTo(visits.get(i - 1).leftAt());
			}
		}
		assertThat(jdbc.sql("select next_stage_id from deal_stage_visits where deal_id = ? order by id")
			.param(deal)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.list()).containsExactly(fixtures.second, fixtures.third, null);
	}

	@Test
	void a_process_controlled_deal_refuses_manual_moves_with_a_clear_message() throws Exception {
		long deal = deals.create(fixtures.draft(client, "По процессу", DealMode.PROCESS_CONTROLLED, List.of()),
				manager);
		assertThatThrownBy(() -> move(deal, fixtures.second)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("deal.move.process-controlled");

		String token = tokens.issue(manager.id(), "api").secret();
		mvc.perform(post("/api/v1/deals/" + deal + "/move").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"stageId\": " + fixtures.second + ", \"version\": " + version(deal) + "}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("This deal is moved by its business process: its stage cannot be changed by hand."));
	}

	@Test
	void the_mode_is_switched_by_the_responsible_manager_or_a_head_and_the_switch_is_history() {
		long deal = deals
			.create(fixtures.draft(client, "Без этапов", DealMode.WITHOUT_PROCESS, List.of(colleague.id())), manager);
		assertThatThrownBy(() -> move(deal, fixtures.second)).hasMessageContaining("deal.move.without-process");
		assertThatThrownBy(() -> progress.switchMode(deal, DealMode.MANUAL_STAGES, version(deal), colleague))
			.hasMessageContaining("deal.mode.not-yours");

		progress.switchMode(deal, DealMode.MANUAL_STAGES, version(deal), manager);
		move(deal, fixtures.second);
		progress.switchMode(deal, DealMode.PROCESS_CONTROLLED, version(deal), head);

		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 10))
			.anySatisfy(entry -> assertThat(entry.changes()).anySatisfy(change -> {
				assertThat(change.field()).isEqualTo("deal.field.mode");
				assertThat(change.before()).isEqualTo("deal.mode.WITHOUT_PROCESS");
				assertThat(change.after()).isEqualTo("deal.mode.MANUAL_STAGES");
			}));
	}

	@Test
	void a_lost_deal_needs_a_reason_and_only_a_head_reopens_it() {
		long deal = open();
		assertThatThrownBy(() -> progress.lose(deal, null, "дорого", version(deal), manager))
			.hasMessageContaining("deal.lose.reason-required");
		long reason = scenarios.lossReasons().get(0).id();

		progress.lose(deal, reason, "дорого", version(deal), manager);
		DealCard lost = deals.card(deal, manager);
		assertThat(lost.state()).isEqualTo(DealState.LOST);
		assertThat(lost.lossReason()).isEqualTo(scenarios.lossReasons().get(0).name());
		assertThat(lost.visits()).last().extracting(DealCard.Visit::outcome).isEqualTo("LOST");
		assertThatThrownBy(() -> move(deal, fixtures.second)).hasMessageContaining("deal.closed");

		assertThatThrownBy(() -> progress.reopen(deal, version(deal), manager))
			.hasMessageContaining("deal.reopen.heads-only");
		progress.reopen(deal, version(deal), head);

		DealCard reopened = deals.card(deal, manager);
		assertThat(reopened.state()).isEqualTo(DealState.IN_WORK);
		assertThat(reopened.lossReasonId()).isNull();
		assertThat(reopened.visits()).hasSize(2);
		assertThat(reopened.visits().get(1).leftAt()).isNull();
	}

	@Test
	void of_two_moves_made_from_the_same_version_the_second_is_refused() {
		long deal = open();
		long seen = version(deal);
		progress.move(deal, fixtures.second, seen, manager);
		assertThatThrownBy(() -> progress.move(deal, fixtures.first, seen, head)).isInstanceOf(ConcurrentEdit.class);
		assertThat(deals.card(deal, manager).stageId()).isEqualTo(fixtures.second);
	}

	@Test
	void lines_make_the_amount_with_their_discounts() {
		long deal = deals.create(DealFixtures.withLines(fixtures.draft(client, "Со строками"),
				List.of(new DealLine(null, "Станок", new BigDecimal("2"), new BigDecimal("1500.50"),
						new BigDecimal("10")),
						new DealLine(null, "Наладка", BigDecimal.ONE, new BigDecimal("999.99"), BigDecimal.ZERO)),
				null), manager);
		DealCard card = deals.card(deal, manager);
		assertThat(card.lines()).extracting(DealLine::total)
			.containsExactly(new BigDecimal("2700.90"), new BigDecimal("999.99"));
		assertThat(card.amount()).isEqualByComparingTo("3700.89");
		assertThat(card.weighted()).isEqualByComparingTo("370.09");
	}

	private long open() {
		return deals.create(fixtures.draft(client, TestUsers.unique("Сделка")), manager);
	}

	private void move(long deal, long stage) {
		progress.move(deal, stage, version(deal), manager);
	}

	private long version(long deal) {
		return deals.card(deal, manager).version();
	}

}
