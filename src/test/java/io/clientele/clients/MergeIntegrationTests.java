package io.clientele.clients;

import java.util.List;
import java.util.Map;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static io.clientele.clients.DuplicateFixtures.cyrillic;
import static io.clientele.clients.DuplicateFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Merging two clients or two contact persons (values chosen field by field, links moved,
 * the other record out of sight, history on both) and undoing it within 30 days; only
 * heads within their department and administrators may.
 */
@ClienteleIntegrationTest
@RecordApplicationEvents
class MergeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Merging merging;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	LegalEntities legalEntities;

	@Autowired
	ClientList clientList;

	@Autowired
	Search search;

	@Autowired
	RecycleBin bin;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	ApplicationEvents events;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser stranger;

	long sales;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, users.department("Другой отдел", users.rootDepartment()));
	}

	@Test
	void merge_moves_contact_persons_legal_entities_and_leads_to_the_surviving_client_and_hides_the_other() {
		String name = word();
		long survivor = clients.create(DuplicateFixtures.organisation("ООО «" + cyrillic(name) + "»"), manager);
		long merged = clients.create(DuplicateFixtures.organisation(name + " LLC"), manager);
		long person = contacts.create(DuplicateFixtures.contact("Смирнова", "Анна", merged, List.of()), manager);
		long entity = legalEntities.add(merged,
				new LegalEntityDraft("ООО «" + cyrillic(name) + " Трейд»", null, null, null, null, List.of()), manager);
		long lead = lead(merged, person);

		long mergeId = merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), head);

		ClientCard card = clients.card(survivor, manager);
		assertThat(card.contacts()).extracting(ClientCard.ContactOfClient::contactId).containsExactly(person);
		assertThat(card.legalEntities()).extracting(LegalEntity::id).containsExactly(entity);
		assertThat(jdbc.sql("select client_id from leads where id = ?").param(lead).query(Long.class).single())
			.isEqualTo(survivor);
		assertThat(contacts.card(person, manager).work()).extracting(ContactCard.WorkAt::clientId)
			.containsExactly(survivor);
		assertThatThrownBy(() -> clients.card(merged, manager)).isInstanceOf(RecordNotFound.class);
		assertThat(search.find(cyrillic(name), 10, manager).clients()).extracting(Search.Hit::id).contains(survivor);
		assertThat(search.find(name, 10, manager).clients()).extracting(Search.Hit::id).doesNotContain(merged);
		assertThat(bin.contents(manager)).extracting(RecycleBin.Item::id).doesNotContain(merged);
		assertThatThrownBy(() -> clients.restore(merged, manager)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("merge.restore-by-undo");
		assertThat(events.stream(RecordsMerged.class)).singleElement().satisfies(event -> {
			assertThat(event.survivorId()).isEqualTo(survivor);
			assertThat(event.mergedId()).isEqualTo(merged);
			assertThat(event.mergeId()).isEqualTo(mergeId);
		});
	}

	@Test
	void the_contact_persons_of_a_merged_client_are_found_by_the_survivors_manager_and_back_after_undo() {
		CurrentUser colleague = new TestUsers(jdbc, encoder).user(Role.SALES_MANAGER, sales);
		String name = word();
		long survivor = clients.create(DuplicateFixtures.organisation("ООО «" + cyrillic(name) + "»"), manager);
		long merged = clients.create(DuplicateFixtures.organisation(name + " LLC"), colleague);
		String surname = "Кузнецова" + cyrillic(word());
		long person = contacts.create(DuplicateFixtures.contact(surname, "Анна", merged, List.of()), colleague);
		assertThat(search.find(surname, 10, manager).contacts()).extracting(Search.Hit::id).doesNotContain(person);

		long mergeId = merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), head);

		assertThat(search.find(surname, 10, manager).contacts()).extracting(Search.Hit::id).containsExactly(person);
		assertThat(search.find(surname, 10, colleague).contacts()).extracting(Search.Hit::id).doesNotContain(person);

		merging.undo(mergeId, head);

		assertThat(search.find(surname, 10, colleague).contacts()).extracting(Search.Hit::id).containsExactly(person);
		assertThat(search.find(surname, 10, manager).contacts()).extracting(Search.Hit::id).doesNotContain(person);
	}

	@Test
	void the_survivor_keeps_the_values_chosen_field_by_field_and_joins_phones_by_default() throws Exception {
		String phone = DuplicateFixtures.phone();
		String otherPhone = DuplicateFixtures.phone();
		String inn = DuplicateFixtures.inn();
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word()), null, List.of(phone),
				List.of("office@" + word().toLowerCase() + ".example"), null), manager);
		String mergedName = word() + " LLC";
		long merged = clients.create(DuplicateFixtures.organisation(mergedName, inn, List.of(otherPhone, phone),
				List.of("sales@" + word().toLowerCase() + ".example"), null), manager);

		var comparison = merging.compare(ClientService.RECORD_TYPE, survivor, merged, survivor, head);
		assertThat(comparison.differing()).extracting(MergeComparison.Field::key)
			.contains("name", "requisites", "phones", "emails");
		mvc.perform(post("/duplicates/merge").with(csrf())
			.with(user(head))
			.param("type", ClientService.RECORD_TYPE)
			.param("survivorId", String.valueOf(survivor))
			.param("survivorVersion", String.valueOf(comparison.survivor().version()))
			.param("mergedId", String.valueOf(merged))
			.param("mergedVersion", String.valueOf(comparison.merged().version()))
			.param("pick.name", "MERGED")
			.param("pick.emails", "SURVIVOR")).andExpect(redirectedUrl("/clients/" + survivor));

		ClientCard card = clients.card(survivor, manager);
		assertThat(card.name()).isEqualTo(mergedName);
		assertThat(card.inn()).as("the survivor had none, so the merged one's is taken").isEqualTo(inn);
		assertThat(card.phones()).hasSize(2);
		assertThat(card.emails()).extracting(Email::address).singleElement().asString().startsWith("office@");
		assertThat(history.of(ClientService.RECORD_TYPE, survivor, null, 1)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(RecordChanged.Action.MERGED);
			assertThat(entry.changes()).extracting(RecordChanged.FieldChange::field)
				.contains("merge.field.absorbed", "client.field.name", "client.field.inn", "client.field.phones");
		});
		assertThat(history.of(ClientService.RECORD_TYPE, merged, null, 1)).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(RecordChanged.Action.MERGED);
			assertThat(entry.changes()).extracting(RecordChanged.FieldChange::field)
				.containsExactly("merge.field.merged-into");
		});
	}

	@Test
	void a_merge_is_refused_when_either_client_changed_since_the_comparison() throws Exception {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long merged = clients.create(DuplicateFixtures.organisation(word()), manager);
		var comparison = merging.compare(ClientService.RECORD_TYPE, survivor, merged, survivor, head);
		ClientCard card = clients.card(merged, manager);
		clients.update(merged, DuplicateFixtures.organisation(card.name() + " Group"), card.version(), manager);

		assertThatThrownBy(() -> merging.merge(new MergeRequest(ClientService.RECORD_TYPE, survivor,
				comparison.survivor().version(), merged, comparison.merged().version(), Map.of()), head))
			.isInstanceOf(ConcurrentEdit.class);
		mvc.perform(post("/duplicates/merge").with(csrf())
			.with(user(head))
			.header("Accept-Language", "en")
			.param("type", ClientService.RECORD_TYPE)
			.param("survivorId", String.valueOf(survivor))
			.param("survivorVersion", String.valueOf(comparison.survivor().version()))
			.param("mergedId", String.valueOf(merged))
			.param("mergedVersion", String.valueOf(comparison.merged().version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("was changed while you were comparing them")));
		assertThat(clients.card(merged, manager).name()).endsWith(" Group");
	}

	@Test
	void a_contact_person_of_both_clients_keeps_one_link_and_undo_gives_the_other_back() {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long merged = clients.create(DuplicateFixtures.organisation(word()), manager);
		long person = contacts.create(
				new ContactDraft("Орлов", "Олег", null, null, List.of(), List.of(), List.of(), null,
						List.of(new ContactDraft.Work(survivor, "Директор", null, true, false, null),
								new ContactDraft.Work(merged, "Консультант", null, false, false, null)),
						Map.of()),
				manager);

		long mergeId = merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), head);
		assertThat(contacts.card(person, manager).work()).singleElement().satisfies(work -> {
			assertThat(work.clientId()).isEqualTo(survivor);
			assertThat(work.position()).isEqualTo("Директор");
		});

		merging.undo(mergeId, head);
		assertThat(contacts.card(person, manager).work())
			.extracting(ContactCard.WorkAt::clientId, ContactCard.WorkAt::position)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(survivor, "Директор"),
					org.assertj.core.groups.Tuple.tuple(merged, "Консультант"));
	}

	@Test
	void undo_brings_back_the_merged_client_its_links_and_the_survivors_former_values() {
		String survivorName = cyrillic(word());
		long survivor = clients.create(DuplicateFixtures.organisation(survivorName), manager);
		long merged = clients.create(DuplicateFixtures.organisation(word(), DuplicateFixtures.inn(),
				List.of(DuplicateFixtures.phone()), List.of(), null), manager);
		long person = contacts.create(DuplicateFixtures.contact("Белова", "Вера", merged, List.of()), manager);
		long entity = legalEntities.add(merged, new LegalEntityDraft("ООО «Филиал»", null, null, null, null, List.of()),
				manager);
		long lead = lead(merged, person);
		long mergeId = merging
			.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of("name", MergePick.MERGED)), head);

		MergeSummary undone = merging.undo(mergeId, head);

		assertThat(undone.survivorId()).isEqualTo(survivor);
		ClientCard back = clients.card(merged, manager);
		assertThat(back.contacts()).extracting(ClientCard.ContactOfClient::contactId).containsExactly(person);
		assertThat(back.legalEntities()).extracting(LegalEntity::id).containsExactly(entity);
		assertThat(jdbc.sql("select client_id from leads where id = ?").param(lead).query(Long.class).single())
			.isEqualTo(merged);
		ClientCard kept = clients.card(survivor, manager);
		assertThat(kept.name()).isEqualTo(survivorName);
		assertThat(kept.inn()).isNull();
		assertThat(kept.phones()).isEmpty();
		assertThat(kept.contacts()).isEmpty();
		assertThat(history.of(ClientService.RECORD_TYPE, survivor, null, 1)).extracting(HistoryEntry::action)
			.containsExactly(RecordChanged.Action.UNMERGED);
		assertThat(history.of(ClientService.RECORD_TYPE, merged, null, 1)).extracting(HistoryEntry::action)
			.containsExactly(RecordChanged.Action.UNMERGED);
		assertThat(events.stream(MergeUndone.class)).singleElement()
			.satisfies(event -> assertThat(event.mergeId()).isEqualTo(mergeId));
		assertThatThrownBy(() -> merging.undo(mergeId, head)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("merge.undo.already");
	}

	@Test
	void undo_keeps_what_was_edited_on_the_survivor_after_the_merge() {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		String mergedName = word();
		long merged = clients.create(
				DuplicateFixtures.organisation(mergedName, DuplicateFixtures.inn(), List.of(), List.of(), null),
				manager);
		long mergeId = merging
			.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of("name", MergePick.MERGED)), head);
		ClientCard after = clients.card(survivor, manager);
		String edited = mergedName + " Holding";
		clients.update(survivor, DuplicateFixtures.organisation(edited, after.inn(), List.of(), List.of(), null),
				after.version(), manager);

		merging.undo(mergeId, head);

		ClientCard kept = clients.card(survivor, manager);
		assertThat(kept.name()).as("edited after the merge: kept").isEqualTo(edited);
		assertThat(kept.inn()).as("set by the merge and untouched since: taken back").isNull();
	}

	@Test
	void undo_is_refused_after_thirty_days() throws Exception {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long merged = clients.create(DuplicateFixtures.organisation(word()), manager);
		long mergeId = merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), head);
		jdbc.sql("update merges set merged_at = now() - interval '31 days' where id = ?").param(mergeId).update();

		assertThatThrownBy(() -> merging.undo(mergeId, head)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("merge.undo.too-late");
		mvc.perform(get("/clients/" + survivor).with(user(head)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-test=\"undo-merge\""))));
		assertThatThrownBy(() -> clients.card(merged, manager)).isInstanceOf(RecordNotFound.class);
	}

	@Test
	void undo_is_refused_once_the_survivor_is_deleted_and_an_earlier_merge_waits_for_the_later() {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long first = clients.create(DuplicateFixtures.organisation(word()), manager);
		long second = clients.create(DuplicateFixtures.organisation(word()), manager);
		long earlier = merging.merge(request(ClientService.RECORD_TYPE, survivor, first, Map.of()), head);
		long later = merging.merge(request(ClientService.RECORD_TYPE, survivor, second, Map.of()), head);

		assertThatThrownBy(() -> merging.undo(earlier, head)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("merge.undo.later-merge-first");

		clients.delete(survivor, clients.card(survivor, manager).version(), manager);
		assertThatThrownBy(() -> merging.undo(later, head)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("merge.undo.survivor-gone");
	}

	@Test
	void the_survivors_card_shows_the_merged_clients_history_and_offers_to_undo() throws Exception {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		String mergedName = word();
		long merged = clients.create(DuplicateFixtures.organisation(mergedName), manager);
		long mergeId = merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), head);

		mvc.perform(get("/clients/" + survivor).header("Accept-Language", "en").with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"merge-notice\"")))
			.andExpect(content().string(containsString("/duplicates/merges/" + mergeId + "/undo")))
			.andExpect(content().string(containsString("of &quot;" + mergedName + "&quot;, merged into it")));
		mvc.perform(get("/clients/" + survivor).with(user(manager)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-test=\"undo-merge\""))));
		mvc.perform(post("/duplicates/merges/" + mergeId + "/undo").with(csrf()).with(user(head)))
			.andExpect(redirectedUrl("/clients/" + survivor));
		assertThat(clients.card(merged, manager).name()).isEqualTo(mergedName);
	}

	@Test
	void merging_contact_persons_moves_their_clients_and_leads_to_the_survivor() {
		long firm = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long otherFirm = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		String phone = DuplicateFixtures.phone();
		long survivor = contacts.create(DuplicateFixtures.contact("Королёв", "Пётр", firm, List.of()), manager);
		long merged = contacts.create(DuplicateFixtures.contact("Korolev", "Petr", otherFirm, List.of(phone)), manager);
		long lead = lead(otherFirm, merged);

		assertThat(merging.compare(ContactService.RECORD_TYPE, survivor, merged, null, head).survivor().id())
			.as("the more complete one is suggested to stay")
			.isEqualTo(merged);
		long mergeId = merging.merge(request(ContactService.RECORD_TYPE, survivor, merged, Map.of()), head);

		ContactCard card = contacts.card(survivor, manager);
		assertThat(card.work()).extracting(ContactCard.WorkAt::clientId).containsExactlyInAnyOrder(firm, otherFirm);
		assertThat(card.phones()).hasSize(1);
		assertThat(card.lastName()).isEqualTo("Королёв");
		assertThat(jdbc.sql("select contact_id from leads where id = ?").param(lead).query(Long.class).single())
			.isEqualTo(survivor);
		assertThatThrownBy(() -> contacts.card(merged, manager)).isInstanceOf(RecordNotFound.class);

		merging.undo(mergeId, head);
		assertThat(contacts.card(survivor, manager).work()).extracting(ContactCard.WorkAt::clientId)
			.containsExactly(firm);
		assertThat(contacts.card(survivor, manager).phones()).isEmpty();
		assertThat(contacts.card(merged, manager).work()).extracting(ContactCard.WorkAt::clientId)
			.containsExactly(otherFirm);
		assertThat(jdbc.sql("select contact_id from leads where id = ?").param(lead).query(Long.class).single())
			.isEqualTo(merged);
	}

	@Test
	void managers_may_not_merge() throws Exception {
		long survivor = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long merged = clients.create(DuplicateFixtures.organisation(word()), manager);

		assertThatThrownBy(() -> merging.merge(request(ClientService.RECORD_TYPE, survivor, merged, Map.of()), manager))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/duplicates/merge").param("type", "client")
			.param("ids", survivor + "," + merged)
			.with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/duplicates/merge").with(csrf())
			.with(user(manager))
			.param("type", ClientService.RECORD_TYPE)
			.param("survivorId", String.valueOf(survivor))
			.param("survivorVersion", "0")
			.param("mergedId", String.valueOf(merged))
			.param("mergedVersion", "0")).andExpect(status().isForbidden());
		assertThat(clients.card(merged, manager).id()).isEqualTo(merged);
	}

	@Test
	void a_head_may_not_merge_a_client_outside_their_department() throws Exception {
		long ours = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long theirs = clients.create(DuplicateFixtures.organisation(word()), stranger);

		mvc.perform(get("/duplicates/merge").param("type", "client").param("ids", ours + "," + theirs).with(user(head)))
			.andExpect(status().isNotFound());
		assertThatThrownBy(
				() -> merging.merge(new MergeRequest(ClientService.RECORD_TYPE, ours, 0, theirs, 0, Map.of()), head))
			.isInstanceOf(RecordNotFound.class);
		assertThat(clients.card(theirs, stranger).id()).isEqualTo(theirs);
	}

	@Test
	void the_comparison_page_offers_a_choice_only_where_the_clients_differ() throws Exception {
		String inn = DuplicateFixtures.inn();
		long first = clients.create(DuplicateFixtures.organisation(cyrillic(word()), inn, List.of(), List.of(), null),
				manager);
		long second = clients.create(DuplicateFixtures.organisation(word(), inn, List.of(), List.of(), null), manager);

		mvc.perform(get("/duplicates/merge").param("type", "client")
			.param("ids", first + "," + second)
			.header("Accept-Language", "ru")
			.with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"name\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-field=\"requisites\""))))
			.andExpect(content().string(containsString("Одинаково у обеих")));
	}

	private MergeRequest request(String type, long survivor, long merged, Map<String, MergePick> picks) {
		var comparison = merging.compare(type, survivor, merged, survivor, head);
		return new MergeRequest(type, survivor, comparison.survivor().version(), merged, comparison.merged().version(),
				picks);
	}

	private long lead(long clientId, long contactId) {
		return jdbc
			.sql("""
					insert into leads (name, source, status, department_id, responsible_id, client_id, contact_id, converted_at)
					values ('Заявка', 'MANUAL', 'CONVERTED', ?, ?, ?, ?, now()) returning id
					""")
			.params(sales, manager.id(), clientId, contactId)
			.query(Long.class)
			.single();
	}

}
