package io.clientele.clients;

import java.util.List;
import java.util.Map;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.identity.CurrentUser;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;

/**
 * The duplicate rules (tax id, phone, e-mail, similar names across legal forms, quotes,
 * Ё/Е and alphabets) and the top-bar search, both within what the reader may see.
 */
@ClienteleIntegrationTest
class DuplicatesAndSearchIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Duplicates duplicates;

	@Autowired
	Search search;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reassignment reassignment;

	@Autowired
	ContactList contactList;

	@Autowired
	ClientAccess access;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser owner;

	CurrentUser stranger;

	CurrentUser head;

	CurrentUser administrator;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long north = users.department("Север", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, north);
		owner = users.user(Role.SALES_MANAGER, users.department("Север-Запад", north));
		stranger = users.user(Role.SALES_MANAGER, users.department("Юг", users.rootDepartment()));
		administrator = users.user(Role.ADMINISTRATOR, users.rootDepartment());
	}

	@Test
	void a_company_typed_in_latin_letters_finds_its_cyrillic_twin_whatever_the_legal_form_and_quotes() {
		String word = unique();
		long id = clients.create(ClientFixtures.organisation("ООО «" + cyrillic(word) + "»"), owner);
		assertThat(organisation(latin(word) + " LLC", owner)).anySatisfy(candidate -> {
			assertThat(candidate.id()).isEqualTo(id);
			assertThat(candidate.reasons()).containsExactly("duplicates.reason.name");
		});
		assertThat(organisation("АО \"" + cyrillic(word) + "\"", owner)).extracting(Duplicates.Candidate::id)
			.contains(id);
		assertThat(organisation("Совсем другое название " + unique(), owner)).extracting(Duplicates.Candidate::id)
			.doesNotContain(id);
	}

	@Test
	void yo_and_ye_are_the_same_letter_for_duplicates() {
		String suffix = unique();
		long id = clients.create(ClientFixtures.person("Королёв" + cyrillic(suffix), "Пётр"), owner);
		assertThat(duplicates.find(new Duplicates.Probe(null, "Королев" + cyrillic(suffix) + " Петр", null, List.of(),
				List.of(), null, null), owner))
			.extracting(Duplicates.Candidate::id)
			.contains(id);
	}

	@Test
	void the_same_phone_in_another_format_and_the_same_email_in_another_case_are_duplicates() {
		String word = unique();
		long id = clients.create(new ClientDraft(ClientKind.ORGANISATION, cyrillic(word), null, null, null, null, null,
				null, null, null, null, null, null, null, null, null, List.of(new Phone("+7 (495) 765-43-21", null)),
				List.of(new Email("Office@" + latin(word) + ".example", null)), List.of(), List.of(), List.of(),
				List.of(), List.of(), null, Map.of()), owner);
		var byPhone = duplicates.find(new Duplicates.Probe("Иное имя " + unique(), null, null, List.of("8 495 7654321"),
				List.of(), null, null), owner);
		assertThat(byPhone).anySatisfy(candidate -> {
			assertThat(candidate.id()).isEqualTo(id);
			assertThat(candidate.reasons()).contains("duplicates.reason.phone");
		});
		var byEmail = duplicates.find(new Duplicates.Probe(null, null, null, List.of(),
				List.of("office@" + latin(word).toUpperCase() + ".EXAMPLE"), null, null), owner);
		assertThat(byEmail).anySatisfy(candidate -> {
			assertThat(candidate.id()).isEqualTo(id);
			assertThat(candidate.reasons()).contains("duplicates.reason.email");
		});
	}

	@Test
	void the_same_inn_is_the_strongest_match() {
		var draft = ClientFixtures.organisation(cyrillic(unique()));
		long id = clients.create(draft, owner);
		String inn = clients.card(id, owner).inn();
		var found = duplicates
			.find(new Duplicates.Probe("Другое " + unique(), null, inn, List.of(), List.of(), null, null), owner);
		// the fixtures share one INN, so this client is among several with the top score
		assertThat(found).first().satisfies(best -> assertThat(best.score()).isEqualTo(1.0));
		assertThat(found).filteredOn(candidate -> candidate.reasons().contains("duplicates.reason.inn"))
			.extracting(Duplicates.Candidate::score)
			.containsOnly(1.0);
		assertThat(duplicates.find(new Duplicates.Probe(null, null, inn, List.of(), List.of(), null, null), owner))
			.allSatisfy(candidate -> assertThat(candidate.reasons()).contains("duplicates.reason.inn"));
	}

	@Test
	void a_match_the_user_may_not_see_is_told_by_its_owner_only() throws Exception {
		String word = unique();
		long id = clients.create(ClientFixtures.organisation("ООО " + cyrillic(word)), owner);
		var found = organisation(cyrillic(word), stranger);
		assertThat(found).anySatisfy(candidate -> {
			assertThat(candidate.id()).isEqualTo(id);
			assertThat(candidate.visible()).isFalse();
			assertThat(candidate.name()).isNull();
			assertThat(candidate.owner()).isEqualTo(owner.displayName());
		});
		mvc.perform(get("/duplicates/check").param("duplicateType", "client")
			.param("kind", "ORGANISATION")
			.param("name", cyrillic(word))
			.with(user(stranger)))
			.andExpect(content().string(containsString(owner.displayName())))
			.andExpect(content().string(not(containsString("ООО " + cyrillic(word)))))
			.andExpect(content().string(not(containsString("/clients/" + id))));
	}

	@Test
	void the_record_being_edited_is_not_its_own_duplicate() {
		String word = unique();
		long id = clients.create(ClientFixtures.organisation(cyrillic(word)), owner);
		assertThat(duplicates.find(new Duplicates.Probe(cyrillic(word), null, null, List.of(), List.of(), "client", id),
				owner))
			.extracting(Duplicates.Candidate::id)
			.doesNotContain(id);
	}

	@Test
	void search_finds_clients_by_part_of_name_inn_phone_in_any_format_and_email_within_access() {
		String word = unique();
		long id = clients.create(new ClientDraft(ClientKind.ORGANISATION, "Торговый дом " + cyrillic(word), null, null,
				null, null, null, null, null, null, null, null, null, null, null, null,
				List.of(new Phone("+7 812 300-55-11", null)),
				List.of(new Email("sales@" + latin(word) + ".example", null)), List.of(), List.of(), List.of(),
				List.of(), List.of(), null, Map.of()), owner);
		String phone = clients.card(id, owner).phones().get(0).number();
		assertThat(ids(cyrillic(word).substring(1, 5))).contains(id);
		assertThat(ids("ДОМ " + cyrillic(word).toUpperCase())).contains(id);
		assertThat(ids("8 (812) 300-" + phone.substring(8, 10) + "-11")).contains(id);
		assertThat(ids(phone.substring(5, 11))).contains(id);
		assertThat(ids(latin(word) + ".exam")).contains(id);
		assertThat(search.find(cyrillic(word), 5, stranger).clients()).isEmpty();
	}

	@Test
	void a_text_most_of_a_managers_clients_contain_finds_their_own_clients_only_and_a_rare_one_is_still_found() {
		String domain = latin(unique()).toLowerCase() + ".example";
		List<Long> own = new java.util.ArrayList<>();
		for (int n = 0; n < 12; n++) {
			own.add(organisationWithEmail("Партнёр " + n, "info@" + domain, owner));
		}
		List<Long> others = List.of(organisationWithEmail("Чужой", "info@" + domain, stranger),
				organisationWithEmail("Чужой 2", "info@" + domain, stranger));
		long rare = organisationWithEmail("Редкий", "rare-" + unique() + "@" + domain, owner);

		List<Long> found = search.find("info@" + domain, 5, owner).clients().stream().map(Search.Hit::id).toList();
		String rareAddress = clients.card(rare, owner).emails().get(0).address();

		assertThat(found).hasSize(5).allMatch(own::contains).doesNotContainAnyElementsOf(others);
		assertThat(search.find(rareAddress.substring(0, 12), 5, owner).clients()).extracting(Search.Hit::id)
			.containsExactly(rare);
		assertThat(search.find("info@" + domain, 5, stranger).clients()).extracting(Search.Hit::id)
			.containsExactlyInAnyOrderElementsOf(others);
	}

	private long organisationWithEmail(String name, String email, CurrentUser manager) {
		return clients.create(new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null, List.of(), List.of(new Email(email, null)), List.of(),
				List.of(), List.of(), List.of(), List.of(), null, Map.of()), manager);
	}

	@Test
	void search_finds_contact_persons_through_the_clients_the_reader_may_see() {
		String surname = cyrillic(unique());
		long client = clients.create(ClientFixtures.organisation("Фирма " + surname), owner);
		long contact = contacts.create(new ContactDraft(surname + "ов", "Глеб", null, null, List.of(), List.of(),
				List.of(), null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()),
				owner);
		assertThat(search.find(surname + "ов", 5, owner).contacts()).extracting(Search.Hit::id).contains(contact);
		assertThat(search.find(surname + "ов", 5, stranger).contacts()).isEmpty();
		// Found inside the name, with the clients the reader may see that the person
		// works
		// for (not the stranger's).
		long other = clients.create(ClientFixtures.organisation("Чужая фирма " + surname), stranger);
		jdbc.sql("insert into client_contacts (client_id, contact_id) values (?, ?)").params(other, contact).update();
		assertThat(search.find(surname.substring(1), 5, owner).contacts())
			.anySatisfy(hit -> assertThat(hit.detail()).isEqualTo("Фирма " + surname));
		assertThat(search.find(surname.substring(1), 5, stranger).contacts())
			.anySatisfy(hit -> assertThat(hit.detail()).isEqualTo("Чужая фирма " + surname));
	}

	@Test
	void a_contact_person_moves_with_their_client_when_it_is_reassigned() {
		String surname = cyrillic(unique());
		long client = clients.create(ClientFixtures.organisation("Фирма " + surname), owner);
		long contact = contact(surname, client, owner);
		assertThat(contactIds(surname, owner)).contains(contact);
		assertThat(contactIds(surname, stranger)).doesNotContain(contact);

		reassignment.reassign(List.of(client), stranger.id(), administrator);

		assertThat(contactIds(surname, stranger)).contains(contact);
		assertThat(contactIds(surname, owner)).doesNotContain(contact);
		assertThat(contactList.slice(null, null, Map.of(), null, 50, stranger).rows()).extracting(ContactList.Row::id)
			.contains(contact);

		reassignment.reassignAll(stranger.id(), owner.id(), administrator);

		assertThat(contactIds(surname, owner)).contains(contact);
		assertThat(contactIds(surname, stranger)).doesNotContain(contact);
	}

	@Test
	void a_head_finds_the_contact_persons_of_their_subtree_and_no_others() {
		String surname = cyrillic(unique());
		long ours = contact(surname, clients.create(ClientFixtures.organisation("Наша " + surname), owner), owner);
		long theirs = contact(surname, clients.create(ClientFixtures.organisation("Их " + surname), stranger),
				stranger);
		assertThat(contactIds(surname, head)).contains(ours).doesNotContain(theirs);
		assertThat(contactIds(surname, administrator)).contains(ours, theirs);
	}

	@Test
	void a_contact_person_of_a_client_in_the_recycle_bin_is_found_again_once_the_client_is_restored() {
		String surname = cyrillic(unique());
		long client = clients.create(ClientFixtures.organisation("Фирма " + surname), owner);
		long contact = contact(surname, client, owner);
		clients.delete(client, clients.card(client, owner).version(), owner);
		assertThat(contactIds(surname, owner)).doesNotContain(contact);
		assertThat(contactIds(surname, administrator)).doesNotContain(contact);

		clients.restore(client, owner);

		assertThat(contactIds(surname, owner)).contains(contact);
	}

	@Test
	void a_contact_person_of_two_clients_is_found_by_both_managers_until_one_link_goes() {
		String surname = cyrillic(unique());
		long mine = clients.create(ClientFixtures.organisation("Моя " + surname), owner);
		long other = clients.create(ClientFixtures.organisation("Чужая " + surname), stranger);
		long contact = contact(surname, mine, owner);
		jdbc.sql("insert into client_contacts (client_id, contact_id) values (?, ?)").params(other, contact).update();
		assertThat(contactIds(surname, stranger)).contains(contact);
		assertThat(contactIds(surname, owner)).contains(contact);

		jdbc.sql("delete from client_contacts where client_id = ? and contact_id = ?").params(other, contact).update();

		assertThat(contactIds(surname, stranger)).doesNotContain(contact);
		assertThat(contactIds(surname, owner)).contains(contact);
	}

	/**
	 * The columns a contact person carries give every reader exactly the contact persons
	 * that the join through their live clients gives, over every contact person the tests
	 * have written so far, segment grants included.
	 */
	@Test
	void the_columns_a_contact_person_carries_and_the_searchs_client_rule_grant_exactly_what_the_join_grants() {
		String surname = cyrillic(unique());
		long type = jdbc.sql("insert into segment_types (name) values (?) returning id")
			.param("Тип " + surname)
			.query(Long.class)
			.single();
		long segment = jdbc.sql("insert into segments (type_id, name) values (?, ?) returning id")
			.params(type, surname)
			.query(Long.class)
			.single();
		long granted = clients.create(ClientFixtures.organisation("Сегмент " + surname), stranger);
		long contact = contact(surname, granted, stranger);
		jdbc.sql("update clients set segment_ids = array[cast(? as bigint)] where id = ?")
			.params(segment, granted)
			.update();
		jdbc.sql("insert into segment_grants (user_id, segment_id) values (?, ?)").params(owner.id(), segment).update();
		contact(surname, clients.create(ClientFixtures.organisation("Своя " + surname), owner), owner);
		long deleted = clients.create(ClientFixtures.organisation("Удалённая " + surname), owner);
		contact(surname, deleted, owner);
		clients.delete(deleted, clients.card(deleted, owner).version(), owner);

		assertThat(contactIds(surname, owner)).contains(contact);
		for (CurrentUser reader : List.of(owner, stranger, head, administrator)) {
			var visibility = access.of(reader.id());
			List<Long> byJoin = visibility.bind(jdbc.sql("""
					select ct.id from contacts ct
					 where exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id
					                where cc.contact_id = ct.id and c.deleted_at is null and %s)
					 order by ct.id""".formatted(visibility.sqlCondition("c")))).query(Long.class).list();
			List<Long> byColumns = visibility
				.bindReaders(jdbc.sql("select ct.id from contacts ct where %s order by ct.id"
					.formatted(visibility.contactCondition("ct"))))
				.query(Long.class)
				.list();
			assertThat(byColumns).as(reader.role().name()).isNotEmpty().isEqualTo(byJoin);
			// and the search's form of the clients' rule grants what the lists' form does
			String clientsOf = "select c.id from clients c where c.deleted_at is null and %s order by c.id";
			List<Long> listed = visibility.bind(jdbc.sql(clientsOf.formatted(visibility.sqlCondition("c"))))
				.query(Long.class)
				.list();
			List<Long> searched = visibility.bindReaders(jdbc.sql(clientsOf.formatted(visibility.searchCondition("c"))))
				.query(Long.class)
				.list();
			assertThat(searched).as(reader.role().name()).isNotEmpty().isEqualTo(listed);
		}
	}

	@Test
	void a_partial_phone_typed_with_the_trunk_prefix_finds_the_stored_international_number() {
		String word = unique();
		String middle = word.length() > 0 ? String.valueOf(100 + (int) (System.nanoTime() % 900)) : "";
		long id = clients
			.create(new ClientDraft(ClientKind.ORGANISATION, cyrillic(word), null, null, null, null, null, null, null,
					null, null, null, null, null, null, null, List.of(new Phone("+7 495 " + middle + "-77-11", null)),
					List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of()), owner);
		assertThat(ids("8 (495) " + middle)).contains(id);
		assertThat(ids("8495" + middle)).contains(id);
		assertThat(ids("+7 495 " + middle)).contains(id);
		assertThat(ids("8-495-" + middle + "-77")).contains(id);
	}

	@Test
	void search_ranks_names_that_start_with_the_text_first() {
		String word = cyrillic(unique());
		long inside = clients.create(ClientFixtures.organisation("Компания " + word), owner);
		long start = clients.create(ClientFixtures.organisation(word + " и партнёры"), owner);
		assertThat(ids(word)).containsSubsequence(start, inside);
	}

	@Test
	void contact_persons_whose_name_starts_with_the_text_come_first_then_names_that_contain_it_then_the_rest() {
		String word = unique();
		long client = clients.create(ClientFixtures.organisation("Фирма " + cyrillic(unique())), owner);
		long inEmail = contacts.create(new ContactDraft("Лаптев", "Глеб", null, null, List.of(),
				List.of(new Email(word + "@example.org", null)), List.of(), null,
				List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		long insideLong = contacts
			.create(new ContactDraft("Oldman" + word + "son", "Gleb", null, null, List.of(), List.of(), List.of(), null,
					List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		long inside = contacts.create(new ContactDraft("Ma" + word, "Gleb", null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		long startsB = contacts.create(new ContactDraft(word + "b", "Gleb", null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		long startsA = contacts.create(new ContactDraft(word + "a", "Gleb", null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		List<Long> expected = List.of(startsA, startsB, inside, insideLong, inEmail);
		// a manager's search goes through the readers' index, the administrator's through
		// the name's b-tree first: the same order either way
		for (CurrentUser reader : List.of(owner, administrator)) {
			assertThat(search.find(word, 5, reader).contacts()).extracting(Search.Hit::id)
				.as("contact persons found by %s", reader.getUsername())
				.containsExactlyElementsOf(expected);
		}
		assertThat(search.find(word, 5, stranger).contacts()).isEmpty();
	}

	@Test
	void suggestions_as_the_user_types_come_without_the_sidebar_and_its_saved_views() throws Exception {
		mvc.perform(get("/search/suggest").param("q", "абв").with(user(owner)))
			.andExpect(model().attributeExists("results"))
			.andExpect(model().attributeDoesNotExist("navigation"));
		mvc.perform(get("/search").param("q", "абв").with(user(owner)))
			.andExpect(model().attributeExists("navigation"));
	}

	@Test
	void fewer_than_three_characters_search_nothing() {
		assertThat(search.find("аб", 5, owner).empty()).isTrue();
	}

	private long contact(String surname, long client, CurrentUser author) {
		return contacts.create(new ContactDraft(surname + "ов", "Глеб", null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), author);
	}

	private List<Long> contactIds(String surname, CurrentUser reader) {
		return search.find(surname + "ов", 50, reader).contacts().stream().map(Search.Hit::id).toList();
	}

	private List<Long> ids(String text) {
		return search.find(text, 10, owner).clients().stream().map(Search.Hit::id).toList();
	}

	private List<Duplicates.Candidate> organisation(String name, CurrentUser reader) {
		return duplicates.find(new Duplicates.Probe(name, null, null, List.of(), List.of(), null, null), reader);
	}

	/**
	 * A word of letters only, different in every test run, so that earlier data never
	 * matches.
	 */
	private static String unique() {
		String digits = Long.toString(System.nanoTime() % 100_000_000L + 10_000_000L);
		StringBuilder word = new StringBuilder();
		for (char digit : digits.toCharArray()) {
			word.append("bdfklmnprt".charAt(digit - '0')).append("aoiue".charAt(digit % 5));
		}
		return word.toString();
	}

	private static String latin(String word) {
		return word.substring(0, 1).toUpperCase() + word.substring(1);
	}

	/** The same word in Cyrillic letters, as it would be read aloud. */
	private static String cyrillic(String word) {
		String latin = "bdfklmnprtaoiue";
		String cyr = "бдфклмнпртаоиуе";
		StringBuilder out = new StringBuilder();
		for (char c : word.toLowerCase().toCharArray()) {
			int at = latin.indexOf(c);
			out.append(at >= 0 ? cyr.charAt(at) : c);
		}
		return out.substring(0, 1).toUpperCase() + out.substring(1);
	}

}
