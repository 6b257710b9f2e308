package io.clientele.clients;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClienteleIntegrationTest
class RecycleBinAndReassignmentIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	RecycleBin bin;

	@Autowired
	Reassignment reassignment;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser leaving;

	CurrentUser staying;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		leaving = users.user(Role.SALES_MANAGER, sales);
		staying = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void a_deleted_client_waits_in_the_recycle_bin_and_comes_back_with_its_contacts() {
		long id = clients.create(ClientFixtures.organisation("Удалённый"), leaving);
		long contact = contacts.create(new ContactDraft("Иванов", null, null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(id, null, null, false, false, null)), Map.of()), leaving);
		clients.delete(id, clients.card(id, leaving).version(), leaving);
		assertThat(bin.contents(leaving)).extracting(RecycleBin.Item::name).contains("Удалённый");

		clients.restore(id, leaving);
		assertThat(clients.card(id, leaving).contacts()).extracting(ClientCard.ContactOfClient::contactId)
			.containsExactly(contact);
		assertThat(bin.contents(leaving)).extracting(RecycleBin.Item::name).doesNotContain("Удалённый");
	}

	@Test
	void a_client_deleted_more_than_thirty_days_ago_can_no_longer_be_restored() {
		long id = clients.create(ClientFixtures.organisation("Давно удалённый"), leaving);
		clients.delete(id, clients.card(id, leaving).version(), leaving);
		jdbc.sql("update clients set deleted_at = now() - interval '31 days' where id = ?").param(id).update();
		assertThat(bin.contents(leaving)).extracting(RecycleBin.Item::name).doesNotContain("Давно удалённый");
		assertThatThrownBy(() -> clients.restore(id, leaving)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("client.restore-too-late");
	}

	@Test
	void a_head_hands_all_clients_of_a_leaving_manager_to_another_after_seeing_how_many() throws Exception {
		long first = clients.create(ClientFixtures.organisation("Первый"), leaving);
		clients.create(ClientFixtures.organisation("Второй"), leaving);
		long other = clients.create(ClientFixtures.organisation("Чужой"), staying);

		mvc.perform(get("/clients/reassign").param("from", String.valueOf(leaving.id())).with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"reassign-count\">2 clients will move.")));
		mvc.perform(post("/clients/reassign").with(csrf())
			.with(user(head))
			.param("from", String.valueOf(leaving.id()))
			.param("to", String.valueOf(staying.id()))).andExpect(status().is3xxRedirection());

		assertThat(reassignment.countOf(leaving.id(), head)).isZero();
		assertThat(clients.card(first, staying).responsibleId()).isEqualTo(staying.id());
		assertThat(clients.card(other, staying).responsibleId()).isEqualTo(staying.id());
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(history.of(ClientService.RECORD_TYPE, first, null, 5)).first().satisfies(entry -> {
						assertThat(entry.action()).isEqualTo(RecordChanged.Action.REASSIGNED);
						assertThat(entry.changes()).containsExactly(RecordChanged.FieldChange
							.of("client.field.responsible", leaving.displayName(), staying.displayName()));
					}));
	}

	@Test
	void chosen_clients_move_and_the_others_stay() {
		long chosen = clients.create(ClientFixtures.organisation("Выбранный"), leaving);
		long kept = clients.create(ClientFixtures.organisation("Оставшийся"), leaving);
		assertThat(reassignment.reassign(List.of(chosen), staying.id(), head)).isEqualTo(1);
		assertThat(clients.card(chosen, head).responsibleId()).isEqualTo(staying.id());
		assertThat(clients.card(kept, head).responsibleId()).isEqualTo(leaving.id());
	}

	@Test
	void a_manager_cannot_reassign_clients() throws Exception {
		clients.create(ClientFixtures.organisation("Мой"), leaving);
		mvc.perform(post("/clients/reassign").with(csrf())
			.with(user(leaving))
			.param("from", String.valueOf(leaving.id()))
			.param("to", String.valueOf(staying.id()))).andExpect(status().isForbidden());
		assertThat(reassignment.countOf(leaving.id(), head)).isEqualTo(1);
	}

}
