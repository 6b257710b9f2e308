package io.clientele.deals;

import java.util.List;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.LeadDraft;
import io.clientele.clients.LeadSource;
import io.clientele.clients.Leads;
import io.clientele.clients.MergeRequest;
import io.clientele.clients.Merging;
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
 * What the client base does that deals follow: a lead's conversion opens a deal, and a
 * merge of clients takes their deals along (and back on undo).
 */
@ClienteleIntegrationTest
class DealLeadsAndMergesIntegrationTests {

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	Leads leads;

	@Autowired
	Merging merging;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void converting_a_lead_opens_a_deal_for_its_client_and_the_lead_links_to_it() {
		String company = TestUsers.unique("ООО Из лида");
		long id = leads.create(new LeadDraft("Пётр Сидоров", company, "+7 495 200-30-40", null, "Нужны 5 станков",
				LeadSource.CALL, "Выставка", null, null, Map.of()), manager);

		Leads.Converted converted = leads.convert(id, leads.card(id, manager).version(),
				new Leads.Conversion(null, company, "Сидоров", "Пётр", null, true, "Поставка 5 станков"), manager);

		assertThat(converted.dealId()).isNotNull();
		assertThat(leads.card(id, manager).dealId()).isEqualTo(converted.dealId());
		DealCard deal = deals.card(converted.dealId(), manager);
		assertThat(deal.subject()).isEqualTo("Поставка 5 станков");
		assertThat(deal.clientId()).isEqualTo(converted.clientId());
		assertThat(deal.contactId()).isEqualTo(converted.contactId());
		assertThat(deal.channel()).isEqualTo("Выставка");
		assertThat(deal.responsibleId()).isEqualTo(manager.id());
		assertThat(deal.scenarioId()).isEqualTo(scenarios.active().get(0).id());
		assertThat(deal.leadId()).isEqualTo(id);
	}

	@Test
	void a_conversion_without_a_deal_subject_opens_no_deal() {
		String company = TestUsers.unique("ООО Без сделки");
		long id = leads.create(new LeadDraft("Ольга", company, null, "olga@example.org", null, LeadSource.MANUAL, null,
				null, null, Map.of()), manager);
		Leads.Converted converted = leads.convert(id, leads.card(id, manager).version(),
				new Leads.Conversion(null, company, "Ольга", null, null, false), manager);
		assertThat(converted.dealId()).isNull();
	}

	@Test
	void merging_clients_moves_their_deals_to_the_survivor_and_undo_moves_them_back() {
		var fixtures = new DealFixtures(scenarios);
		long survivor = clients.create(DealFixtures.client(TestUsers.unique("ООО Ромашка")), manager);
		long merged = clients.create(DealFixtures.client(TestUsers.unique("Ромашка ООО")), manager);
		long moving = deals.create(fixtures.draft(merged, "Сделка дубля"), manager);
		long staying = deals.create(fixtures.draft(survivor, "Сделка основного"), manager);

		var comparison = merging.compare(ClientService.RECORD_TYPE, survivor, merged, survivor, head);
		long mergeId = merging.merge(new MergeRequest(ClientService.RECORD_TYPE, survivor,
				comparison.survivor().version(), merged, comparison.merged().version(), Map.of()), head);

		assertThat(deals.card(moving, manager).clientId()).isEqualTo(survivor);
		assertThat(deals.card(staying, manager).clientId()).isEqualTo(survivor);
		assertThat(history.of(DealService.RECORD_TYPE, moving, null, 1).get(0).changes())
			.anySatisfy(change -> assertThat(change.field()).isEqualTo("deal.field.client"));

		merging.undo(mergeId, head);

		assertThat(deals.card(moving, manager).clientId()).isEqualTo(merged);
		assertThat(deals.card(staying, manager).clientId()).isEqualTo(survivor);
		assertThat(jdbc.sql("select count(*) from deal_merge_moves where merge_id = ?")
			.param(mergeId)
			.query(Long.class)
			.single()).isZero();
		assertThat(List.of(deals.card(moving, manager).version())).isNotEmpty();
	}

}
