package io.clientele.clients;

import java.time.Duration;
import java.time.LocalDate;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ClienteleIntegrationTest
class ContactPersonsIntegrationTests {

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	CurrentUser other;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		other = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void a_consultant_works_for_two_clients_and_each_card_lists_them() {
		long first = clients.create(ClientFixtures.organisation("Первая компания"), manager);
		long second = clients.create(ClientFixtures.organisation("Вторая компания"), manager);
		long consultant = contacts
			.create(person(List.of(new ContactDraft.Work(first, "Консультант", null, false, false, null))), manager);
		contacts.link(consultant, new ContactDraft.Work(second, "Аудитор", null, true, false, null), manager);

		assertThat(clients.card(first, manager).contacts()).extracting(ClientCard.ContactOfClient::position)
			.containsExactly("Консультант");
		assertThat(clients.card(second, manager).contacts()).extracting(ClientCard.ContactOfClient::position)
			.containsExactly("Аудитор");
		assertThat(contacts.card(consultant, manager).work()).hasSize(2);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(history.of(ClientService.RECORD_TYPE, second, null, 5))
				.extracting(entry -> entry.action())
				.contains(RecordChanged.Action.LINKED));
	}

	@Test
	void a_person_who_left_stays_on_the_card_marked_as_former_with_the_change_in_history() {
		long client = clients.create(ClientFixtures.organisation("Компания"), manager);
		long person = contacts
			.create(person(List.of(new ContactDraft.Work(client, "Бухгалтер", null, true, false, null))), manager);
		var card = contacts.card(person, manager);
		contacts.update(person, new ContactDraft(card.lastName(), card.firstName(), null, null, List.of(), List.of(),
				List.of(), null,
				List.of(new ContactDraft.Work(client, "Бухгалтер", null, true, true, LocalDate.of(2026, 10, 1))),
				Map.of()), card.version(), manager);

		assertThat(clients.card(client, manager).contacts()).singleElement()
			.satisfies(contact -> assertThat(contact.leftCompany()).isTrue());
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(history.of(ContactService.RECORD_TYPE, person, null, 5).get(0).changes())
				.contains(RecordChanged.FieldChange.of("contact.field.left", null, "Компания (2026-10-01)")));
	}

	@Test
	void a_person_at_a_client_the_user_cannot_see_keeps_that_role_unseen_when_edited() {
		CurrentUser head = new TestUsers(jdbc, encoder).user(Role.HEAD_OF_DEPARTMENT, manager.departmentId());
		long mine = clients.create(ClientFixtures.organisation("Моя"), manager);
		long theirs = clients.create(ClientFixtures.organisation("Чужая"), other);
		long person = contacts.create(person(List.of(new ContactDraft.Work(theirs, "Директор", null, true, false, null),
				new ContactDraft.Work(mine, "Совладелец", null, false, false, null))), head);
		assertThat(contacts.card(person, manager).work()).extracting(ContactCard.WorkAt::clientName)
			.containsExactly("Моя");

		var card = contacts.card(person, manager);
		contacts.update(person,
				new ContactDraft("Новая", "Фамилия", null, null, List.of(), List.of(), List.of(), null,
						List.of(new ContactDraft.Work(mine, "Совладелец", null, false, false, null)), Map.of()),
				card.version(), manager);
		assertThat(contacts.card(person, head).work()).extracting(ContactCard.WorkAt::clientName)
			.containsExactlyInAnyOrder("Моя", "Чужая");
	}

	@Test
	void a_contact_person_needs_an_organisation_to_work_for() {
		long individual = clients.create(ClientFixtures.person("Частный", "Клиент"), manager);
		assertThatThrownBy(() -> contacts.create(person(List.of()), manager)).extracting("messageKey")
			.isEqualTo("contact.needs-a-client");
		assertThatThrownBy(() -> contacts
			.create(person(List.of(new ContactDraft.Work(individual, null, null, false, false, null))), manager))
			.isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("contact.client-not-organisation");
	}

	private static ContactDraft person(List<ContactDraft.Work> work) {
		return new ContactDraft("Консультантова", "Ирина", null, null, List.of(new Phone("+7 900 000-00-00", null)),
				List.of(), List.of(), null, work, Map.of());
	}

}
