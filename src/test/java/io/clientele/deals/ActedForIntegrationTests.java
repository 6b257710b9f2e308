package io.clientele.deals;

import java.time.LocalDate;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Deputies;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Who acted for whom": a change a deputy makes to a record of the colleague they stand
 * in for reads "Deputy for Absent" in the record's history, on the client's and the
 * deal's timeline; their changes to their own records, and anyone else's, name nobody.
 */
@ClienteleIntegrationTest
class ActedForIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Deputies deputies;

	@Autowired
	ClientService clients;

	@Autowired
	DealService deals;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser absent;

	CurrentUser deputy;

	String name;

	long client;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		absent = users.user(Role.SALES_MANAGER, sales);
		deputy = users.user(Role.SALES_MANAGER, sales);
		name = TestUsers.unique("ООО Отпуск");
		client = clients.create(DealFixtures.client(name), absent);
		LocalDate today = deputies.today();
		deputies.name(absent.id(), deputy.id(), today, today.plusDays(14), absent);
	}

	@Test
	void a_change_by_the_deputy_to_the_absent_managers_client_shows_who_acted_for_whom() throws Exception {
		clients.update(client, DealFixtures.client(name + " (Москва)"), clients.card(client, deputy).version(), deputy);

		assertThat(history.of(ClientService.RECORD_TYPE, client, null, 5)).first().satisfies(entry -> {
			assertThat(entry.actorId()).isEqualTo(deputy.id());
			assertThat(entry.actedForId()).isEqualTo(absent.id());
			assertThat(entry.actedForName()).isEqualTo(absent.displayName());
		});
		assertThat(history.of(ClientService.RECORD_TYPE, client, null, 5)).last()
			.as("the absent manager's own change before they left")
			.extracting(HistoryEntry::actedForId)
			.isNull();
		mvc.perform(get("/timeline/client/" + client).with(user(deputy)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(deputy.displayName() + " for " + absent.displayName())));
	}

	@Test
	void a_change_by_the_deputy_to_the_absent_managers_deal_shows_who_acted_for_whom() throws Exception {
		var fixtures = new DealFixtures(scenarios);
		long deal = deals.create(fixtures.draft(client, "Поставка станков"), absent);

		deals.setProbability(deal, 40, deals.card(deal, deputy).version(), deputy);

		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 1)).singleElement()
			.extracting(HistoryEntry::actedForName)
			.isEqualTo(absent.displayName());
		mvc.perform(get("/timeline/deal/" + deal).with(user(absent)).header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"history-acted-for\"")))
			.andExpect(
					content().string(containsString(deputy.displayName() + " за сотрудника " + absent.displayName())));
	}

	@Test
	void the_deputys_changes_to_their_own_records_name_nobody() {
		long own = clients.create(DealFixtures.client(TestUsers.unique("ООО Своё")), deputy);

		clients.update(own, DealFixtures.client(TestUsers.unique("ООО Своё")), clients.card(own, deputy).version(),
				deputy);

		assertThat(history.of(ClientService.RECORD_TYPE, own, null, 5)).extracting(HistoryEntry::actedForId)
			.containsOnlyNulls();
	}

	@Test
	void after_the_deputyship_ends_the_absent_managers_own_changes_name_nobody() {
		deputies.end(deputies.around(absent.id()).get(0).id(), absent);

		clients.update(client, DealFixtures.client(name + " (снова)"), clients.card(client, absent).version(), absent);

		assertThat(history.of(ClientService.RECORD_TYPE, client, null, 1)).singleElement()
			.extracting(HistoryEntry::actedForId)
			.isNull();
	}

}
