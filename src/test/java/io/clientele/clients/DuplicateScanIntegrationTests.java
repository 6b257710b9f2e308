package io.clientele.clients;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static io.clientele.clients.DuplicateFixtures.cyrillic;
import static io.clientele.clients.DuplicateFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scan for duplicates across the whole base (names in either alphabet, Ё/Е, INN,
 * phones, e-mails), the groups it makes, dismissing them, and who may see them.
 */
@ClienteleIntegrationTest
class DuplicateScanIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DuplicateScan scan;

	@Autowired
	DuplicateGroups groups;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser admin;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser stranger;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, users.department("Другой отдел", users.rootDepartment()));
	}

	@Test
	void the_scan_groups_a_cyrillic_company_with_its_latin_twin_whatever_the_legal_form_and_quotes() {
		String name = word();
		long cyrillic = clients.create(DuplicateFixtures.organisation("ООО \"" + cyrillic(name) + "\""), manager);
		long latin = clients.create(DuplicateFixtures.organisation(name + " LLC"), manager);
		long trading = clients.create(DuplicateFixtures.organisation("АО «" + cyrillic(name) + " Трейд»"), manager);
		long other = clients.create(DuplicateFixtures.organisation("АО «" + cyrillic(word()) + "»"), manager);

		scanned();

		DuplicateGroups.Group group = groupOf(ClientService.RECORD_TYPE, cyrillic, admin).orElseThrow();
		assertThat(group.members()).extracting(DuplicateGroups.Member::id).containsExactly(cyrillic, latin, trading);
		assertThat(group.reasons()).containsExactly("duplicates.reason.name");
		assertThat(group.percent()).isEqualTo(90);
		assertThat(groupOf(ClientService.RECORD_TYPE, other, admin)).isEmpty();
	}

	@Test
	void yo_and_ye_are_the_same_letter_for_the_scan_of_contact_persons() {
		String surname = cyrillic(word());
		long client = clients.create(DuplicateFixtures.organisation(cyrillic(word())), manager);
		long petr = contacts.create(DuplicateFixtures.contact(surname + "ёв", "Пётр", client, List.of()), manager);
		long pyotr = contacts.create(DuplicateFixtures.contact(surname + "ев", "Петр", client, List.of()), manager);

		scanned();

		assertThat(groupOf(ContactService.RECORD_TYPE, petr, admin)).hasValueSatisfying(group -> {
			assertThat(group.members()).extracting(DuplicateGroups.Member::id).containsExactly(petr, pyotr);
			assertThat(group.reasons()).containsExactly("duplicates.reason.name");
		});
	}

	@Test
	void records_sharing_an_inn_a_phone_or_an_email_form_groups_with_that_reason() {
		String inn = DuplicateFixtures.inn();
		String phone = DuplicateFixtures.phone();
		String mail = word().toLowerCase() + "@example.org";
		long innA = clients.create(DuplicateFixtures.organisation(cyrillic(word()), inn, List.of(), List.of(), null),
				manager);
		long innB = clients.create(DuplicateFixtures.organisation(word(), inn, List.of(), List.of(), null), manager);
		long phoneA = clients
			.create(DuplicateFixtures.organisation(cyrillic(word()), null, List.of(phone), List.of(), null), manager);
		long phoneB = clients.create(DuplicateFixtures.organisation(word(), null,
				List.of("8" + phone.substring(2).replace(" ", "-")), List.of(), null), manager);
		long mailA = clients
			.create(DuplicateFixtures.organisation(cyrillic(word()), null, List.of(), List.of(mail), null), manager);
		long mailB = clients.create(
				DuplicateFixtures.organisation(word(), null, List.of(), List.of(mail.toUpperCase()), null), manager);

		scanned();

		assertThat(groupOf(ClientService.RECORD_TYPE, innA, admin)).hasValueSatisfying(group -> {
			assertThat(group.members()).extracting(DuplicateGroups.Member::id).containsExactly(innA, innB);
			assertThat(group.reasons()).containsExactly("duplicates.reason.inn");
			assertThat(group.percent()).isEqualTo(100);
		});
		assertThat(groupOf(ClientService.RECORD_TYPE, phoneA, admin)).hasValueSatisfying(group -> {
			assertThat(group.members()).extracting(DuplicateGroups.Member::id).containsExactly(phoneA, phoneB);
			assertThat(group.reasons()).containsExactly("duplicates.reason.phone");
			assertThat(group.percent()).isEqualTo(90);
		});
		assertThat(groupOf(ClientService.RECORD_TYPE, mailA, admin)).hasValueSatisfying(group -> {
			assertThat(group.members()).extracting(DuplicateGroups.Member::id).containsExactly(mailA, mailB);
			assertThat(group.reasons()).containsExactly("duplicates.reason.email");
		});
		assertThat(groups.page(ClientService.RECORD_TYPE, "phone", null, head).groups())
			.flatExtracting(DuplicateGroups.Group::members)
			.extracting(DuplicateGroups.Member::id)
			.contains(phoneA)
			.doesNotContain(innA, mailA);
	}

	@Test
	void a_phone_shared_by_more_records_than_a_group_holds_is_no_sign_of_duplicates() {
		String phone = DuplicateFixtures.phone();
		List<Long> sharing = new ArrayList<>();
		for (int i = 0; i <= io.clientele.clients.internal.ScanKind.MAX_GROUP; i++) {
			sharing.add(clients.create(
					DuplicateFixtures.organisation(cyrillic(word()), null, List.of(phone), List.of(), null), manager));
		}

		scanned();

		assertThat(sharing).allSatisfy(id -> assertThat(groupOf(ClientService.RECORD_TYPE, id, admin)).isEmpty());
	}

	@Test
	void a_name_changed_after_a_scan_is_compared_again_at_the_next_even_when_misspelt() {
		String name = word();
		long first = clients.create(DuplicateFixtures.organisation(cyrillic(name)), manager);
		long second = clients.create(DuplicateFixtures.organisation(word() + " Trading"), manager);
		scanned();
		assertThat(groupOf(ClientService.RECORD_TYPE, first, admin)).isEmpty();

		String misspelt = name.substring(0, 10) + (name.charAt(10) == 'k' ? 'l' : 'k') + name.substring(11);
		rename(second, "ООО " + misspelt);
		scanned();
		assertThat(groupOf(ClientService.RECORD_TYPE, first, admin)).hasValueSatisfying(
				group -> assertThat(group.members()).extracting(DuplicateGroups.Member::id).contains(second));

		rename(second, word() + " Group");
		scanned();
		assertThat(groupOf(ClientService.RECORD_TYPE, first, admin)).isEmpty();
	}

	@Test
	void not_duplicates_dismisses_a_group_for_good() throws Exception {
		String inn = DuplicateFixtures.inn();
		long first = clients.create(DuplicateFixtures.organisation(cyrillic(word()), inn, List.of(), List.of(), null),
				manager);
		clients.create(DuplicateFixtures.organisation(word(), inn, List.of(), List.of(), null), manager);
		scanned();
		long group = groupOf(ClientService.RECORD_TYPE, first, admin).orElseThrow().id();

		mvc.perform(post("/duplicates/client/" + group + "/dismiss").with(csrf()).with(user(head)))
			.andExpect(status().is3xxRedirection());

		assertThat(groupOf(ClientService.RECORD_TYPE, first, admin)).isEmpty();
		scanned();
		assertThat(groupOf(ClientService.RECORD_TYPE, first, admin)).isEmpty();
	}

	@Test
	void a_head_sees_only_groups_wholly_within_their_department() throws Exception {
		String inside = DuplicateFixtures.inn();
		String across = DuplicateFixtures.inn();
		long ours = clients.create(DuplicateFixtures.organisation(cyrillic(word()), inside, List.of(), List.of(), null),
				manager);
		clients.create(DuplicateFixtures.organisation(word(), inside, List.of(), List.of(), null), manager);
		long mixed = clients
			.create(DuplicateFixtures.organisation(cyrillic(word()), across, List.of(), List.of(), null), manager);
		clients.create(DuplicateFixtures.organisation(word(), across, List.of(), List.of(), null), stranger);
		scanned();

		assertThat(groupOf(ClientService.RECORD_TYPE, ours, head)).isPresent();
		assertThat(groupOf(ClientService.RECORD_TYPE, mixed, head)).isEmpty();
		assertThat(groupOf(ClientService.RECORD_TYPE, mixed, admin)).isPresent();
		long hidden = groupOf(ClientService.RECORD_TYPE, mixed, admin).orElseThrow().id();
		mvc.perform(post("/duplicates/client/" + hidden + "/dismiss").with(csrf()).with(user(head)))
			.andExpect(status().isNotFound());
	}

	@Test
	void managers_may_neither_see_duplicates_nor_scan_for_them() throws Exception {
		mvc.perform(get("/duplicates").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(post("/duplicates/scan").with(csrf()).with(user(manager))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> groups.page(ClientService.RECORD_TYPE, null, null, manager))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/").with(user(manager))).andExpect(content().string(not(containsString("/duplicates\""))));
		mvc.perform(get("/").with(user(head))).andExpect(content().string(containsString("/duplicates\"")));
	}

	@Test
	void scan_now_runs_in_the_background_and_the_page_lists_what_it_found_in_the_readers_language() throws Exception {
		String inn = DuplicateFixtures.inn();
		String name = cyrillic(word());
		long first = clients.create(DuplicateFixtures.organisation(name, inn, List.of(), List.of(), null), manager);
		clients.create(DuplicateFixtures.organisation(word(), inn, List.of(), List.of(), null), manager);
		Instant asked = Instant.now();

		mvc.perform(post("/duplicates/scan").with(csrf()).with(user(head))).andExpect(status().is3xxRedirection());
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			var status = scan.status();
			return !status.running() && status.finishedAt() != null && !status.finishedAt().isBefore(asked);
		});

		mvc.perform(get("/duplicates").param("reason", "inn").header("Accept-Language", "ru").with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("тот же ИНН")))
			.andExpect(content().string(containsString("/clients/" + first)));
		mvc.perform(get("/duplicates").param("reason", "inn").header("Accept-Language", "en").with(user(head)))
			.andExpect(content().string(containsString("same INN")));
	}

	@Test
	void the_page_says_what_to_do_when_there_is_nothing_to_show() throws Exception {
		CurrentUser newHead = users.user(Role.HEAD_OF_DEPARTMENT, users.department("Пустой", users.rootDepartment()));
		mvc.perform(get("/duplicates").header("Accept-Language", "en").with(user(newHead)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"no-groups\"")))
			.andExpect(content().string(containsString("Scan now")));
	}

	private void scanned() {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(scan::run);
	}

	private void rename(long id, String name) {
		ClientCard card = clients.card(id, manager);
		clients.update(id, DuplicateFixtures.organisation(name, card.inn(), List.of(), List.of(), null), card.version(),
				manager);
	}

	/** The group the record is in, as the reader sees the page (every page of it). */
	private Optional<DuplicateGroups.Group> groupOf(String type, long recordId, CurrentUser reader) {
		String after = null;
		do {
			DuplicateGroups.Page page = groups.page(type, null, after, reader);
			for (DuplicateGroups.Group group : page.groups()) {
				if (group.members().stream().anyMatch(member -> member.id() == recordId)) {
					return Optional.of(group);
				}
			}
			after = page.next();
		}
		while (after != null);
		return Optional.empty();
	}

}
