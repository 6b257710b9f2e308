package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;

import io.clientele.shared.lists.RecordQuery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leads from the website, the department queue and its turn, status changes, conversion,
 * and who sees what.
 */
@ClienteleIntegrationTest
class LeadsIntegrationTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Leads leads;

	@Autowired
	LeadIntake intake;

	@Autowired
	ClientService clients;

	@Autowired
	Search search;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	long sales;

	CurrentUser head;

	CurrentUser first;

	CurrentUser second;

	CurrentUser otherDepartment;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		sales = users.department("Продажи", users.rootDepartment());
		long other = users.department("Опт", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		first = users.user(Role.SALES_MANAGER, sales);
		second = users.user(Role.SALES_MANAGER, sales);
		otherDepartment = users.user(Role.SALES_MANAGER, other);
	}

	@Test
	void a_lead_from_the_website_waits_in_the_department_queue_seen_by_its_head_only() throws Exception {
		String secret = intake.createForm("Сайт", sales, "Лендинг весна").secret();
		String name = TestUsers.unique("Анна Смирнова");
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s", "phone": "8 (916) 123-45-67", "message": "Нужна поставка"}
					""".formatted(name))).andExpect(status().isCreated());

		long id = leadId(name);
		LeadCard lead = leads.card(id, head);
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.responsibleId()).isNull();
		assertThat(lead.source()).isEqualTo(LeadSource.WEB_FORM);
		assertThat(lead.channel()).isEqualTo("Лендинг весна");
		assertThat(lead.phone()).isEqualTo("+79161234567");
		assertThat(leads.waiting(head)).isPositive();
		assertThatThrownBy(() -> leads.card(id, first)).isInstanceOf(RecordNotFound.class);
		assertThatThrownBy(() -> leads.card(id, otherDepartment)).isInstanceOf(RecordNotFound.class);
	}

	@Test
	void round_robin_gives_new_leads_to_the_departments_managers_in_turn() {
		jdbc.sql("insert into lead_distribution (department_id, round_robin) values (?, true)").param(sales).update();
		List<Long> responsible = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long id = leads.receive(draft(TestUsers.unique("Клиент"), null), sales, null);
			responsible.add(leads.card(id, head).responsibleId());
		}
		assertThat(responsible).containsExactly(first.id(), second.id(), first.id(), second.id());
	}

	@Test
	void a_head_hands_out_leads_in_bulk_and_the_history_says_so() {
		long a = leads.create(draft(TestUsers.unique("Первый"), null), head);
		long b = leads.create(draft(TestUsers.unique("Второй"), null), head);
		assertThat(leads.assign(List.of(a, b), first.id(), head)).isEqualTo(2);
		assertThat(leads.card(a, first).responsibleId()).isEqualTo(first.id());
		assertThat(leads.card(b, first).responsibleId()).isEqualTo(first.id());
		assertThatThrownBy(() -> leads.assign(List.of(a), otherDepartment.id(), head))
			.isInstanceOf(RuleViolation.class);
		assertThatThrownBy(() -> leads.assign(List.of(a), second.id(), first)).isInstanceOf(RuleViolation.class);
		assertThat(jdbc.sql(
				"select count(*) from record_history where record_type = 'lead' and record_id = ? and action = 'REASSIGNED'")
			.param(a)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void rejecting_needs_a_reason_and_the_rejected_lead_stays_searchable() {
		String name = TestUsers.unique("Отказник");
		long id = leads.create(draft(name, null), first);
		long version = leads.card(id, first).version();
		assertThatThrownBy(() -> leads.reject(id, version, null, null, first)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("lead.reason-required");
		long reason = leads.reasons().get(0).id();
		leads.reject(id, version, reason, "не наш профиль", first);
		assertThat(leads.card(id, first).status()).isEqualTo(LeadStatus.REJECTED);
		assertThat(search.find(name, 5, first).leads()).extracting(Search.Hit::id).containsExactly(id);
		assertThat(search.find(name, 5, otherDepartment).leads()).isEmpty();
	}

	@Test
	void converting_makes_a_client_and_a_contact_in_one_step_and_the_lead_links_to_them() {
		String company = TestUsers.unique("ООО Конверсия");
		long id = leads.create(new LeadDraft("Иван Петров", company, "+7 495 100-20-30", "ivan@konv.example",
				"Хотим 10 станков", LeadSource.CALL, "Выставка", null, null, Map.of()), first);
		leads.move(id, leads.card(id, first).version(), LeadStatus.IN_WORK, first);
		LeadCard lead = leads.card(id, first);

		Leads.Converted converted = leads.convert(id, lead.version(),
				new Leads.Conversion(null, company, "Петров", "Иван", null, true), first);

		ClientCard client = clients.card(converted.clientId(), first);
		assertThat(client.name()).isEqualTo(company);
		assertThat(client.responsibleId()).isEqualTo(first.id());
		assertThat(client.phones()).extracting(Phone::number).containsExactly("+74951002030");
		assertThat(client.contacts()).extracting(ClientCard.ContactOfClient::fullName).containsExactly("Петров Иван");
		LeadCard after = leads.card(id, first);
		assertThat(after.status()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(after.clientId()).isEqualTo(converted.clientId());
		assertThat(after.contactId()).isEqualTo(converted.contactId());
		assertThat(search.find(company, 5, first).leads()).extracting(Search.Hit::id).contains(id);
		assertThatThrownBy(() -> leads.convert(id, after.version(),
				new Leads.Conversion(null, company, "Петров", "Иван", null, true), first))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void a_failed_conversion_leaves_nothing_behind() {
		String company = TestUsers.unique("ООО Откат");
		long id = leads.create(draft(TestUsers.unique("Пётр"), company), first);
		long before = jdbc.sql("select count(*) from clients").query(Long.class).single();
		// no person's name: the contact person cannot be made, so the new client must go
		// too
		assertThatThrownBy(() -> leads.convert(id, leads.card(id, first).version(),
				new Leads.Conversion(null, company, null, null, null, true), first))
			.isInstanceOf(RuleViolation.class);
		assertThat(jdbc.sql("select count(*) from clients").query(Long.class).single()).isEqualTo(before);
		assertThat(leads.card(id, first).status()).isEqualTo(LeadStatus.NEW);
	}

	@Test
	void a_lead_can_join_an_existing_client_found_as_a_duplicate() {
		String company = TestUsers.unique("Ромашка");
		long existing = clients.create(ClientFixtures.organisation("ООО «" + company + "»"), first);
		long id = leads.create(draft("Ольга Ким", company), first);
		Leads.Converted converted = leads.convert(id, leads.card(id, first).version(),
				new Leads.Conversion(existing, null, "Ким", "Ольга", null, true), first);
		assertThat(converted.clientId()).isEqualTo(existing);
		assertThat(clients.card(existing, first).contacts()).extracting(ClientCard.ContactOfClient::fullName)
			.contains("Ким Ольга");
	}

	@Test
	void the_intake_refuses_a_missing_or_unknown_secret_and_stores_nothing() throws Exception {
		String name = TestUsers.unique("Без секрета");
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"phone\": \"+74951112233\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", "clf_not-a-real-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"phone\": \"+74951112233\"}")).andExpect(status().isForbidden());
		assertThat(count(name)).isZero();
	}

	@Test
	void the_intake_answers_400_with_the_field_for_bad_or_oversized_input_and_stores_nothing() throws Exception {
		String secret = intake.createForm("Сайт", sales, null).secret();
		String name = TestUsers.unique("Длинный");
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"phone\": \"+74951112233\", \"message\": \"" + "я".repeat(5001)
					+ "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("message"));
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"));
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"email\": \"not-an-address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		assertThat(count(name)).isZero();
	}

	@Test
	void a_filled_honeypot_is_answered_like_success_and_stores_nothing() throws Exception {
		String secret = intake.createForm("Сайт", sales, null).secret();
		String name = TestUsers.unique("Робот");
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("secret", secret)
			.param("name", name)
			.param("phone", "+74951112233")
			.param("website", "http://spam.example")).andExpect(status().isCreated());
		assertThat(count(name)).isZero();
	}

	@Test
	void the_intake_limits_requests_from_one_address() throws Exception {
		String secret = intake.createForm("Сайт", sales, null).secret();
		RequestPostProcessor address = from();
		for (int i = 0; i < LeadIntake.PER_MINUTE; i++) {
			mvc.perform(post("/api/v1/leads/intake").with(address)
				.header("X-Form-Secret", secret)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + TestUsers.unique("Поток") + "\", \"phone\": \"+74951112233\"}"))
				.andExpect(status().isCreated());
		}
		mvc.perform(post("/api/v1/leads/intake").with(address)
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"лишний\", \"phone\": \"+74951112233\"}")).andExpect(status().isTooManyRequests());
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + TestUsers.unique("Другой адрес") + "\", \"phone\": \"+74951112233\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void markup_sent_to_the_intake_is_stored_as_given_and_shown_escaped() throws Exception {
		String secret = intake.createForm("Сайт", sales, null).secret();
		String name = TestUsers.unique("<script>alert(1)</script>");
		mvc.perform(post("/api/v1/leads/intake").with(from())
			.header("X-Form-Secret", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name
					+ "\", \"phone\": \"+74951112233\", \"message\": \"<img src=x onerror=alert(2)>\"}"))
			.andExpect(status().isCreated());
		long id = leadId(name);
		assertThat(leads.card(id, head).name()).isEqualTo(name);
		mvc.perform(get("/leads/" + id).with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(not(containsString("<img src=x"))))
			.andExpect(content().string(containsString("&lt;img src=x onerror=alert(2)&gt;")));
	}

	@Test
	void a_manager_of_another_department_gets_404_and_finds_nothing_of_the_lead() throws Exception {
		String name = TestUsers.unique("Чужой лид");
		long id = leads.create(draft(name, null), first);
		mvc.perform(get("/leads/" + id).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/leads").param("q", name).with(user(otherDepartment)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/leads/" + id + "\""))));
		mvc.perform(get("/leads").param("q", name).with(user(first)))
			.andExpect(content().string(containsString("/leads/" + id + "\"")));
		String token = tokens.issue(otherDepartment.id(), "leads").secret();
		mvc.perform(get("/api/v1/leads/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/leads").param("q", name).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/search/suggest").param("q", name).with(user(otherDepartment)))
			.andExpect(content().string(not(containsString(name))));
		assertThat(leads.card(id, head).name()).isEqualTo(name);
	}

	@Test
	void the_lead_list_filters_by_status_and_pages_newest_first() {
		String tag = TestUsers.unique("Пачка");
		for (int i = 0; i < 5; i++) {
			leads.create(draft(tag + " " + i, null), second);
		}
		var page = leads.page(new RecordQuery(tag, Map.of("status", List.of("NEW")), List.of("name", "status"),
				"created", true, null, null, null, 3), second);
		assertThat(page.rows()).extracting(RecordListPage.Row::name)
			.containsExactly(tag + " 4", tag + " 3", tag + " 2");
		var next = leads.page(new RecordQuery(tag, Map.of("status", List.of("NEW")), List.of("name", "status"),
				"created", true, null, page.next(), null, 3), second);
		assertThat(next.rows()).extracting(RecordListPage.Row::name).containsExactly(tag + " 1", tag + " 0");
		assertThatThrownBy(() -> leads.page(new RecordQuery(null, Map.of("status", List.of("LOST")), List.of("name"),
				"created", true, null, null, null, 3), second))
			.isInstanceOf(RuleViolation.class);
	}

	private static LeadDraft draft(String name, String company) {
		return new LeadDraft(name, company, "+7 495 555-01-02", null, null, LeadSource.MANUAL, null, null, null,
				Map.of());
	}

	private long leadId(String name) {
		return jdbc.sql("select id from leads where name = ?").param(name).query(Long.class).single();
	}

	private long count(String name) {
		return jdbc.sql("select count(*) from leads where name = ?").param(name).query(Long.class).single();
	}

	/**
	 * A request from an address of its own, so that tests do not share the intake limit.
	 */
	private static RequestPostProcessor from() {
		String address = "10.5." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250);
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
