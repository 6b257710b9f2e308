package io.clientele.deals;

import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals of the deal list: exact (a recount of the deals the list shows) up to
 * {@link DealList#TOTALS_UP_TO} deals, none beyond, whether the counters or the deals
 * themselves tell that the list is too long.
 */
@ClienteleIntegrationTest
class DealListTotalsIntegrationTests {

	@Autowired
	DealList list;

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

	CurrentUser admin;

	CurrentUser manager;

	CurrentUser many;

	DealFixtures fixtures;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		many = users.user(Role.SALES_MANAGER, users.department("Many", users.rootDepartment()));
		fixtures = new DealFixtures(scenarios);
		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Итоги")), manager);
		deals.create(fixtures.draft(client, "Открытая"), manager);
		long won = deals.create(fixtures.draft(client, "Выигранная"), manager);
		progress.win(won, version(won), manager);
	}

	@AfterEach
	void tearDown() {
		jdbc.sql("delete from deals where responsible_id = ?").param(many.id()).update();
	}

	@Test
	void the_totals_are_exact_up_to_the_bound_and_absent_beyond_it() {
		assertThat(totals(admin, Map.of())).as("the whole base, small").isEqualTo(recount("true"));
		assertThat(totals(admin, Map.of("state", List.of("IN_WORK")))).isEqualTo(recount("d.state = 'IN_WORK'"));

		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Много")), many);
		jdbc.sql(
				"""
						insert into deals (client_id, subject, scenario_id, stage_id, mode, state, amount, currency, probability,
						                   responsible_id, stage_entered_at)
						select :client, 'Сделка ' || n, :scenario, :stage, 'MANUAL_STAGES', 'IN_WORK', n, 'RUB', 10, :many, now()
						  from generate_series(1, :count) n
						""")
			.param("client", client)
			.param("scenario", fixtures.scenario)
			.param("stage", fixtures.first)
			.param("many", many.id())
			.param("count", DealList.TOTALS_UP_TO + 1)
			.update();

		assertThat(list.totals(query(Map.of()), admin)).as("the whole base").isNull();
		assertThat(list.totals(query(Map.of("state", List.of("IN_WORK"))), admin)).as("its open deals").isNull();
		assertThat(list.totals(query(Map.of("responsible", List.of(Long.toString(many.id())))), admin))
			.as("added up and found too many")
			.isNull();
		assertThat(totals(admin, Map.of("state", List.of("WON")))).as("few won deals: exact")
			.isEqualTo(recount("d.state = 'WON'"));
		assertThat(totals(admin, Map.of("responsible", List.of(Long.toString(manager.id())))))
			.isEqualTo(recount("d.responsible_id = " + manager.id()));
		assertThat(totals(manager, Map.of())).as("a manager's own deals")
			.isEqualTo(recount("d.responsible_id = " + manager.id()));
	}

	private List<String> totals(CurrentUser reader, Map<String, List<String>> filters) {
		List<DealList.Total> totals = list.totals(query(filters), reader);
		assertThat(totals).isNotNull();
		return totals.stream()
			.map(t -> t.currency() + " " + t.count() + " " + t.amount().stripTrailingZeros().toPlainString() + " "
					+ t.weighted().stripTrailingZeros().toPlainString())
			.sorted()
			.toList();
	}

	private List<String> recount(String condition) {
		return jdbc.sql("""
				select concat_ws(' ', d.currency, count(*), trim_scale(sum(d.amount)),
				                 trim_scale(round(sum(d.amount * d.probability) / 100.0, 2)))
				  from deals d where d.deleted_at is null and %s group by d.currency order by 1
				""".formatted(condition)).query(String.class).list();
	}

	private static RecordQuery query(Map<String, List<String>> filters) {
		return new RecordQuery(null, filters, List.of("name"), "created", true, null, null, null, 50);
	}

	private long version(long deal) {
		return jdbc.sql("select version from deals where id = ?").param(deal).query(Long.class).single();
	}

}
