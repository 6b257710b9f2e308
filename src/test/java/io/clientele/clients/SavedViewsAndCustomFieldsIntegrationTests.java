package io.clientele.clients;

import java.util.List;
import java.util.Map;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.shared.views.SavedViews;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClienteleIntegrationTest
class SavedViewsAndCustomFieldsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SavedViews views;

	@Autowired
	CustomFields customFields;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser owner;

	CurrentUser colleague;

	CurrentUser stranger;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		owner = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, users.department("Service", users.rootDepartment()));
	}

	@Test
	void a_saved_view_keeps_the_lists_state_and_appears_in_the_sidebar() throws Exception {
		String query = "cols=name%2Ccity&sort=city&dir=desc&f.kind=ORGANISATION";
		var saved = mvc
			.perform(post("/clients/views").with(user(owner))
				.with(csrf())
				.param("name", "Мои организации")
				.param("query", query))
			.andExpect(redirectedUrlPattern("/clients?view=*"))
			.andReturn();
		String link = saved.getResponse().getRedirectedUrl();

		mvc.perform(get(link).with(user(owner)))
			.andExpect(redirectedUrl("/clients?" + query + "&" + link.substring(9)));
		mvc.perform(get("/clients?" + query + "&" + link.substring(9)).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"list-title\">Мои организации</h1>")))
			.andExpect(content().string(containsString("href=\"" + link + "\"")));
	}

	@Test
	void a_view_shared_with_the_department_is_seen_by_colleagues_only() {
		long personal = views.save(ClientPagesList.NAME, "Личный", "sort=name", owner.id(), null);
		long shared = views.save(ClientPagesList.NAME, "Общий", "sort=city", owner.id(), owner.departmentId());
		assertThat(views.visibleTo(ClientPagesList.NAME, colleague.id(), colleague.departmentId()))
			.extracting(view -> view.id())
			.contains(shared)
			.doesNotContain(personal);
		assertThat(views.visibleTo(ClientPagesList.NAME, stranger.id(), stranger.departmentId()))
			.extracting(view -> view.id())
			.doesNotContain(shared, personal);
		assertThat(views.find(personal, colleague.id(), colleague.departmentId())).isEmpty();
	}

	@Test
	void extra_field_values_are_checked_against_their_definition() {
		long number = customFields.define("CLIENT", new CustomFields.Definition(TestUsers.unique("Оборот"),
				CustomFieldType.NUMBER, false, List.of(), false));
		long required = customFields.define("CONTACT",
				new CustomFields.Definition(TestUsers.unique("Хобби"), CustomFieldType.TEXT, true, List.of(), false));
		var draft = ClientFixtures.organisation("С полями");

		assertThatThrownBy(() -> clients.create(withCustom(draft, Map.of(String.valueOf(number), "много")), owner))
			.isInstanceOf(RuleViolation.class)
			.extracting("field", "messageKey")
			.containsExactly("cf" + number, "custom-field.number");

		long id = clients.create(withCustom(draft, Map.of(String.valueOf(number), "1 250,5")), owner);
		assertThat(clients.card(id, owner).custom().get(String.valueOf(number))).asString().isEqualTo("1250.5");
		customFields.setActive(required, false);
	}

	@Test
	void a_client_with_a_fractional_number_field_is_written_once_when_created() {
		long number = customFields.define("CLIENT", new CustomFields.Definition(TestUsers.unique("Оборот"),
				CustomFieldType.NUMBER, false, List.of(), false));

		long id = clients.create(
				withCustom(ClientFixtures.organisation("Число в поле"), Map.of(String.valueOf(number), 120.5)), owner);

		// A stored value that changed type on its way back from JSON made Hibernate write
		// the row a second time (version 1 right after creation). Whole numbers that fit
		// an
		// int still do: see the note on issue 4.
		assertThat(clients.card(id, owner).version()).isZero();
		assertThat(clients.card(id, owner).custom().get(String.valueOf(number))).isEqualTo(120.5);
	}

	@Test
	void the_client_history_shows_dates_and_numbers_as_the_reader_writes_them() throws Exception {
		long number = customFields.define("CLIENT", new CustomFields.Definition(TestUsers.unique("Оборот"),
				CustomFieldType.NUMBER, false, List.of(), false));
		long id = clients.create(
				withCustom(ClientFixtures.organisation("Даты в истории"), Map.of(String.valueOf(number), 1250.5)),
				owner);

		mvc.perform(get("/clients/" + id).header("Accept-Language", "ru").with(user(owner)))
			.andExpect(content().string(containsString("<span>17 мая 2010 г.</span>")))
			.andExpect(content().string(containsString("<span>1\u00a0250,5</span>")))
			.andExpect(content().string(not(containsString("2010-05-17"))));
		mvc.perform(get("/clients/" + id).header("Accept-Language", "en").with(user(owner)))
			.andExpect(content().string(containsString("<span>May 17, 2010</span>")))
			.andExpect(content().string(containsString("<span>1,250.5</span>")));
	}

	@Test
	void an_extra_field_shown_in_lists_is_a_column_and_a_filter() throws Exception {
		long field = customFields.define("CLIENT", new CustomFields.Definition(TestUsers.unique("Уровень"),
				CustomFieldType.CHOICE, false, List.of("Золото", "Серебро"), true));
		String gold = customFields.get(field).options().get(0).code();
		clients.create(withCustom(ClientFixtures.organisation("Золотой клиент"), Map.of(String.valueOf(field), gold)),
				owner);
		clients.create(ClientFixtures.organisation("Обычный клиент"), owner);
		mvc.perform(get("/clients").param("f.cf" + field, gold).with(user(owner)))
			.andExpect(content().string(containsString(">Золотой клиент</a>")))
			.andExpect(content().string(containsString("<span>Золото</span>")))
			.andExpect(content().string(not(containsString(">Обычный клиент</a>"))));
		customFields.setActive(field, false);
	}

	@Test
	void a_contact_persons_extra_field_is_a_column_and_a_filter_of_the_contacts_list() throws Exception {
		long field = customFields.define("CONTACT", new CustomFields.Definition(TestUsers.unique("Решение"),
				CustomFieldType.CHOICE, false, List.of("Принимает", "Влияет"), true));
		String decides = customFields.get(field).options().get(0).code();
		long client = clients.create(ClientFixtures.organisation("Компания с людьми"), owner);
		contacts.create(new ContactDraft("Решающий", "Олег", null, null, List.of(), List.of(), List.of(), null,
				List.of(new ContactDraft.Work(client, null, null, false, false, null)),
				Map.of(String.valueOf(field), decides)), owner);
		contacts.create(new ContactDraft("Советующий", "Пётр", null, null, List.of(), List.of(), List.of(), null,
				List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), owner);
		mvc.perform(get("/contacts").param("f.cf" + field, decides).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Решающий Олег</a>")))
			.andExpect(content().string(containsString("Принимает")))
			.andExpect(content().string(not(containsString(">Советующий Пётр</a>"))));
		customFields.setActive(field, false);
	}

	private static ClientDraft withCustom(ClientDraft draft, Map<String, ?> custom) {
		return new ClientDraft(draft.kind(), draft.name(), draft.shortName(), draft.lastName(), draft.firstName(),
				draft.middleName(), draft.inn(), draft.kpp(), draft.ogrn(), draft.industry(), draft.size(),
				draft.website(), draft.source(), draft.birthday(), draft.foundedOn(), draft.notes(), draft.phones(),
				draft.emails(), draft.messengers(), draft.addresses(), draft.bankAccounts(), draft.keyDates(),
				draft.segmentIds(), draft.responsibleId(), custom);
	}

	/** The list name the client pages save views under. */
	static final class ClientPagesList {

		static final String NAME = "clients";

	}

}
