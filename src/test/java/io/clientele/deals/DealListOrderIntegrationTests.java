package io.clientele.deals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager's deal list, read as the union of the deals they are responsible for and
 * those they co-execute: page by page, forwards and back, in every order and with
 * filters, it shows what one query over both gives.
 */
@ClienteleIntegrationTest
class DealListOrderIntegrationTests {

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

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Own", users.rootDepartment()));
		CurrentUser other = users.user(Role.SALES_MANAGER, users.department("Other", users.rootDepartment()));
		DealFixtures fixtures = new DealFixtures(scenarios);
		long mine = clients.create(DealFixtures.client(TestUsers.unique("ООО Свой")), manager);
		long theirs = clients.create(DealFixtures.client(TestUsers.unique("ООО Чужой")), other);
		for (int i = 0; i < 9; i++) {
			boolean coExecuted = i % 3 == 1;
			DealDraft draft = coExecuted ? fixtures.draft(theirs, "Сделка " + (char) ('К' - i), DealMode.MANUAL_STAGES,
					List.of(manager.id())) : fixtures.draft(mine, "Сделка " + (char) ('К' - i));
			long deal = deals.create(draft, coExecuted ? other : manager);
			if (i % 4 == 0) {
				progress.win(deal, version(deal), coExecuted ? other : manager);
			}
		}
		deals.create(fixtures.draft(theirs, "Не видна"), other);
	}

	@Test
	void every_page_of_a_managers_list_follows_the_order_of_one_query() {
		assertPagesFollowTheQuery(Map.of(), "created", true, "d.created_at desc, d.id desc");
		assertPagesFollowTheQuery(Map.of(), "created", false, "d.created_at, d.id");
		assertPagesFollowTheQuery(Map.of(), "name", false, "lower(d.subject), d.id");
		assertPagesFollowTheQuery(Map.of("state", List.of("WON")), "created", true, "d.created_at desc, d.id desc");
	}

	private void assertPagesFollowTheQuery(Map<String, List<String>> filters, String sort, boolean descending,
			String order) {
		String state = filters.containsKey("state") ? " and d.state = 'WON'" : "";
		List<Long> expected = jdbc.sql("""
				select d.id from deals d
				 where d.deleted_at is null and (d.responsible_id = :m or d.co_executor_ids && array[:m]::bigint[])%s
				 order by %s
				""".formatted(state, order)).param("m", manager.id()).query(Long.class).list();
		assertThat(expected).hasSizeGreaterThan(2);

		List<Long> forwards = new ArrayList<>();
		List<String> cursors = new ArrayList<>();
		RecordListPage page = page(filters, sort, descending, null, null);
		forwards.addAll(ids(page));
		while (page.next() != null) {
			cursors.add(page.next());
			page = page(filters, sort, descending, page.next(), null);
			forwards.addAll(ids(page));
		}
		assertThat(forwards).as(sort + " " + filters).isEqualTo(expected);

		List<Long> backwards = new ArrayList<>(ids(page));
		while (page.previous() != null) {
			page = page(filters, sort, descending, null, page.previous());
			backwards.addAll(0, ids(page));
		}
		assertThat(backwards).as("back: " + sort + " " + filters).isEqualTo(expected);
	}

	private RecordListPage page(Map<String, List<String>> filters, String sort, boolean descending,
			@Nullable String after, @Nullable String before) {
		return list.page(new RecordQuery(null, filters, List.of("name"), sort, descending, null, after, before, 2),
				manager);
	}

	private static List<Long> ids(RecordListPage page) {
		return page.rows().stream().map(RecordListPage.Row::id).toList();
	}

	private long version(long deal) {
		return jdbc.sql("select version from deals where id = ?").param(deal).query(Long.class).single();
	}

}
