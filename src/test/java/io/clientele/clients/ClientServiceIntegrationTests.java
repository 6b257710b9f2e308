package io.clientele.clients;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ClienteleIntegrationTest
class ClientServiceIntegrationTests {

	@Autowired
	ClientService clients;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
	}

	@Test
	void an_organisation_is_stored_with_normalised_phones_and_checked_requisites() {
		long id = clients.create(ClientFixtures.organisation("ООО «Ромашка»"), manager);
		ClientCard card = clients.card(id, manager);
		assertThat(card.name()).isEqualTo("ООО «Ромашка»");
		assertThat(card.phones()).extracting(Phone::number).containsExactly("+74951234567");
		assertThat(card.phoneForDisplay(card.phones().get(0))).isEqualTo("+7 495 123-45-67");
		assertThat(card.inn()).isEqualTo(ClientFixtures.INN);
		assertThat(card.city()).isEqualTo("Москва");
		assertThat(card.responsibleId()).isEqualTo(manager.id());
		assertThat(jdbc.sql("select phone_digits[1] from clients where id = ?").param(id).query(String.class).single())
			.isEqualTo("74951234567");
	}

	@Test
	void an_individual_gets_their_name_from_its_parts() {
		long id = clients.create(ClientFixtures.person("Иванова", "Мария"), manager);
		assertThat(clients.card(id, manager).name()).isEqualTo("Иванова Мария");
	}

	@Test
	void an_edit_is_recorded_field_by_field_with_who_and_when() {
		long id = clients.create(ClientFixtures.organisation("Альфа"), manager);
		long version = clients.card(id, manager).version();
		clients.update(id, ClientFixtures.withName(ClientFixtures.organisation("Альфа"), "Альфа-Плюс"), version,
				manager);

		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var entries = history.of(ClientService.RECORD_TYPE, id, null, 10);
			assertThat(entries).extracting(entry -> entry.action())
				.containsExactly(RecordChanged.Action.UPDATED, RecordChanged.Action.CREATED);
			var update = entries.get(0);
			assertThat(update.actorName()).isEqualTo(manager.displayName());
			assertThat(update.changes())
				.containsExactly(RecordChanged.FieldChange.of("client.field.name", "Альфа", "Альфа-Плюс"));
		});
	}

	@Test
	void a_concurrent_edit_is_refused_and_the_first_one_kept() {
		long id = clients.create(ClientFixtures.organisation("Бета"), manager);
		long seen = clients.card(id, manager).version();
		clients.update(id, ClientFixtures.withName(ClientFixtures.organisation("Бета"), "Бета первая"), seen, manager);
		assertThatThrownBy(() -> clients.update(id,
				ClientFixtures.withName(ClientFixtures.organisation("Бета"), "Бета вторая"), seen, manager))
			.isInstanceOf(ConcurrentEdit.class);
		assertThat(clients.card(id, manager).name()).isEqualTo("Бета первая");
	}

	@Test
	void a_wrong_check_digit_is_refused_on_its_field() {
		var draft = ClientFixtures.organisation("Гамма");
		var wrongInn = new ClientDraft(draft.kind(), draft.name(), null, null, null, null, "7707083894", null, null,
				null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), List.of(), null, Map.of());
		assertThatThrownBy(() -> clients.create(wrongInn, manager)).isInstanceOf(RuleViolation.class)
			.extracting("field", "messageKey")
			.containsExactly("inn", "taxid.inn.checksum");
	}

	@Test
	void a_deleted_client_is_gone_until_restored() {
		long id = clients.create(ClientFixtures.organisation("Дельта"), manager);
		clients.delete(id, clients.card(id, manager).version(), manager);
		assertThatThrownBy(() -> clients.card(id, manager)).isInstanceOf(RecordNotFound.class);
		clients.restore(id, manager);
		assertThat(clients.card(id, manager).name()).isEqualTo("Дельта");
	}

}
