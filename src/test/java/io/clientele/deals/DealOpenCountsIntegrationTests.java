package io.clientele.deals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open deals' counters (per scenario, stage, manager and currency) that the funnel's
 * open part reads: after every kind of change a deal goes through they hold what a
 * recount of the open deals gives, and {@code deal_counts_rebuild()} computes the same.
 */
@ClienteleIntegrationTest
class DealOpenCountsIntegrationTests {

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

	CurrentUser north;

	CurrentUser south;

	DealFixtures fixtures;

	long client;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		north = users.user(Role.SALES_MANAGER, users.department("North", sales));
		south = users.user(Role.SALES_MANAGER, users.department("South", sales));
		fixtures = new DealFixtures(scenarios);
		client = clients.create(DealFixtures.client(TestUsers.unique("ООО Счётчики")), north);
	}

	@Test
	void the_open_deals_counters_equal_a_recount_after_every_kind_of_change() {
		long a = deals.create(fixtures.draft(client, "A"), north);
		long b = deals.create(fixtures.draft(client, "B"), north);
		long c = deals.create(fixtures.draft(client, "C"), north);
		long d = deals.create(fixtures.draft(client, "D"), north);
		assertCountersEqualARecount("created");

		progress.move(a, fixtures.third, version(a), north);
		progress.move(b, fixtures.second, version(b), north);
		assertCountersEqualARecount("moved");

		progress.tick(b, fixtures.requiredItem, true, version(b), north);
		progress.win(b, version(b), north);
		progress.lose(c, scenarios.lossReasons().get(0).id(), null, version(c), north);
		assertCountersEqualARecount("won and lost");

		progress.reopen(c, version(c), admin);
		assertCountersEqualARecount("reopened");

		DealDraft draft = fixtures.draft(client, "A в долларах");
		deals.update(a,
				new DealDraft(draft.clientId(), null, draft.subject(), null, null, draft.scenarioId(), null,
						draft.mode(), new BigDecimal("2500.50"), "USD", 35, null, null, south.id(), List.of(),
						List.of(), List.of(), Map.of()),
				version(a), admin);
		assertCountersEqualARecount("reassigned, another amount, currency and probability");

		deals.delete(d, version(d), north);
		assertCountersEqualARecount("in the recycle bin");
		deals.restore(d, north);
		assertCountersEqualARecount("restored");

		jdbc.sql("update deals set stage_entered_at = stage_entered_at - interval '3 days' where id = ?")
			.param(c)
			.update();
		jdbc.sql("delete from deals where id = ?").param(d).update();
		assertCountersEqualARecount("changed and deleted by SQL");

		jdbc.sql("select deal_counts_rebuild()").query(String.class).list();
		assertCountersEqualARecount("rebuilt");
	}

	private void assertCountersEqualARecount(String after) {
		List<String> counted = jdbc
			.sql("""
					select concat_ws(' ', stage_id, responsible_id, currency, deals, trim_scale(amount), trim_scale(weighted),
					                 trim_scale(entered_epochs))
					  from deal_open_counts
					 where scenario_id = ? and (deals <> 0 or amount <> 0 or weighted <> 0 or entered_epochs <> 0)
					 order by stage_id, responsible_id, currency
					""")
			.param(fixtures.scenario)
			.query(String.class)
			.list();
		List<String> recounted = jdbc
			.sql("""
					select concat_ws(' ', stage_id, responsible_id, currency, count(*), trim_scale(sum(amount)),
					                 trim_scale(sum(amount * probability)), trim_scale(sum(extract(epoch from stage_entered_at))))
					  from deals
					 where scenario_id = ? and state = 'IN_WORK' and deleted_at is null
					 group by stage_id, responsible_id, currency
					 order by stage_id, responsible_id, currency
					""")
			.param(fixtures.scenario)
			.query(String.class)
			.list();
		assertThat(counted).as(after).isNotEmpty().isEqualTo(recounted);
	}

	private long version(long deal) {
		return jdbc.sql("select version from deals where id = ?").param(deal).query(Long.class).single();
	}

}
