package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;

import io.clientele.shared.lists.RecordQuery;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.files.TabularFile;
import io.clientele.shared.files.TabularReader;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports of the client and lead lists over real HTTP: the reader's records only, every
 * page, the list's filters, order and columns in the reader's language, nothing a
 * spreadsheet would run, Cyrillic intact; the same through the API with a token.
 */
@ClienteleIntegrationTest
class ListExportIntegrationTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	ClientList list;

	@Autowired
	Leads leads;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JsonMapper json;

	@TempDir
	Path folder;

	CurrentUser manager;

	CurrentUser colleague;

	CurrentUser head;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
	}

	@Test
	void export_of_a_manager_holds_only_the_clients_they_may_see() throws IOException {
		clients.create(ClientFixtures.organisation("Своя"), manager);
		clients.create(ClientFixtures.organisation("Чужая"), colleague);

		assertThat(names(table(signedIn(manager, "ru").download("/clients/export?format=csv"))))
			.containsExactly("Своя");
		assertThat(names(table(signedIn(colleague, "ru").download("/clients/export?format=xlsx"))))
			.containsExactly("Чужая");
		assertThat(names(table(signedIn(head, "ru").download("/clients/export?format=csv"))))
			.containsExactlyInAnyOrder("Своя", "Чужая");
	}

	@Test
	void export_keeps_the_filters_the_order_and_the_chosen_columns_with_values_as_the_list_shows_them()
			throws IOException {
		clients.create(draft("Тверская Альфа", "Тверь", List.of("8 (495) 123-45-67", "+7 916 000-11-22"),
				List.of("a@alfa.example", "b@alfa.example")), manager);
		clients.create(draft("Тверская Бета", "Тверь", List.of(), List.of()), manager);
		clients.create(draft("Псковская", "Псков", List.of(), List.of()), manager);
		// One row a page: the export still holds every page.
		String query = "cols=city,name,kind,phone,email,size,foundedOn,responsible&sort=name&dir=desc&size=1"
				+ "&f.city=" + URLEncoder.encode("тверь", StandardCharsets.UTF_8);

		Table russian = table(signedIn(manager, "ru").download("/clients/export?format=csv&" + query));
		assertThat(russian.header()).containsExactly("Город", "Наименование", "Вид", "Телефоны", "E-mail", "Размер",
				"Дата основания", "Ответственный");
		assertThat(russian.rows()).containsExactly(
				List.of("Тверь", "Тверская Бета", "Организация", "", "", "Малая (до 100)", "2010-05-17",
						manager.displayName()),
				List.of("Тверь", "Тверская Альфа", "Организация", "'+7 495 123-45-67, +7 916 000-11-22",
						"a@alfa.example, b@alfa.example", "Малая (до 100)", "2010-05-17", manager.displayName()));

		Table english = table(signedIn(manager, "en").download("/clients/export?format=xlsx&" + query));
		assertThat(english.header()).containsExactly("City", "Name", "Kind", "Phones", "E-mails", "Size", "Founded",
				"Responsible");
		assertThat(english.rows()).extracting(row -> row.get(2)).containsExactly("Organisation", "Organisation");
		assertThat(english.rows().get(0).get(6)).isEqualTo("2010-05-17");
	}

	@Test
	void export_holds_every_page_of_a_long_list() throws IOException {
		// Rows written straight to the table, as a data generator would.
		jdbc.sql("""
				insert into clients (kind, name, responsible_id)
				select 'ORGANISATION', 'Массовый ' || n, ? from generate_series(1, 260) n
				""").param(manager.id()).update();

		Table exported = table(signedIn(manager, "ru").download("/clients/export?format=csv&cols=name&size=50"));

		assertThat(exported.rows()).hasSize(260).doesNotHaveDuplicates();
	}

	@Test
	void slices_walk_the_whole_list_once_in_its_order() {
		jdbc.sql("""
				insert into clients (kind, name, responsible_id)
				select case when n % 3 = 0 then 'INDIVIDUAL' else 'ORGANISATION' end, 'Срез ' || (n % 7), ?
				  from generate_series(1, 23) n
				""").param(manager.id()).update();
		RecordQuery query = new RecordQuery(null, Map.of(), List.of("name", "kind"), "name", true, "kind", null, null,
				RecordQuery.MAX_SIZE);
		List<Long> shown = list.page(query, manager).rows().stream().map(RecordListPage.Row::id).toList();

		List<Long> sliced = new ArrayList<>();
		String after = null;
		int slices = 0;
		do {
			var slice = list.slice(query, after, 5, manager);
			slice.rows().forEach(row -> sliced.add(row.id()));
			after = slice.next();
			slices++;
		}
		while (after != null);

		assertThat(shown).hasSize(23);
		assertThat(sliced).containsExactlyElementsOf(shown);
		assertThat(slices).isEqualTo(5);
	}

	@Test
	void cells_that_a_spreadsheet_would_run_come_out_neutralised_in_csv_and_xlsx() throws IOException {
		List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"Нажми\")", "+1 Ромашка", "-2+3",
				"@SUM(A1:A9)", "\t=1+1", "\r=1+1");
		for (String formula : formulas) {
			// Tabs and line breaks cannot be typed into a name; an older import could
			// have stored them.
			jdbc.sql("insert into clients (kind, name, responsible_id) values ('ORGANISATION', ?, ?)")
				.params(formula, manager.id())
				.update();
		}
		List<String> neutralised = formulas.stream().map(formula -> "'" + formula).toList();
		WebSession browser = signedIn(manager, "ru");

		for (String format : List.of("csv", "xlsx")) {
			Table exported = table(browser.download("/clients/export?cols=name,inn&format=" + format));
			assertThat(names(exported)).as(format).containsExactlyInAnyOrderElementsOf(neutralised);
		}
	}

	@Test
	void cyrillic_survives_in_csv_with_a_byte_order_mark_and_in_xlsx() throws IOException {
		clients.create(ClientFixtures.organisation("ООО «Ёлка и Щука»"), manager);
		WebSession browser = signedIn(manager, "ru");

		HttpResponse<byte[]> csv = browser.download("/clients/export?format=csv&delimiter=semicolon");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
			.matches("attachment; filename=\"clients-\\d{4}-\\d{2}-\\d{2}\\.csv\"; "
					+ "filename\\*=UTF-8''%D0%9A%D0%BB%D0%B8%D0%B5%D0%BD%D1%82%D1%8B-\\d{4}-\\d{2}-\\d{2}\\.csv");
		assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("ООО «Ёлка и Щука»;Организация;");
		Table read = table(csv);
		assertThat(read.delimiter()).isEqualTo(';');
		assertThat(names(read)).containsExactly("ООО «Ёлка и Щука»");

		HttpResponse<byte[]> xlsx = browser.download("/clients/export?format=xlsx");
		assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
		Table sheet = table(xlsx);
		assertThat(sheet.header()).startsWith("Наименование", "Вид", "ИНН", "Город");
		assertThat(names(sheet)).containsExactly("ООО «Ёлка и Щука»");
	}

	@Test
	void a_saved_view_exports_with_its_filters_and_columns_and_names_the_file() throws IOException {
		clients.create(draft("Тверская", "Тверь", List.of(), List.of()), manager);
		clients.create(draft("Псковская", "Псков", List.of(), List.of()), manager);
		WebSession browser = signedIn(manager, "ru");
		browser.get("/clients");
		var saved = browser.post("/clients/views", Map.of("name", "Тверь: все", "query",
				"cols=city,name&sort=name&f.city=%D1%82%D0%B2%D0%B5%D1%80%D1%8C"));
		String page = browser.follow(saved).body();

		Matcher link = Pattern.compile("href=\"([^\"]+)\"[^>]*data-test=\"export-xlsx\"").matcher(page);
		assertThat(link.find()).isTrue();
		HttpResponse<byte[]> file = browser.download(link.group(1).replace("&amp;", "&"));

		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
			.contains("filename*=UTF-8''%D0%A2%D0%B2%D0%B5%D1%80%D1%8C%20%D0%B2%D1%81%D0%B5-");
		Table sheet = table(file);
		assertThat(sheet.header()).containsExactly("Город", "Наименование");
		assertThat(sheet.rows()).containsExactly(List.of("Тверь", "Тверская"));
	}

	@Test
	void a_wrong_filter_brings_back_the_list_saying_why_instead_of_a_file() {
		WebSession browser = signedIn(manager, "ru");

		var answer = browser.get("/clients/export?format=csv&f.created.from=never");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(browser.follow(answer).body()).contains("Введите дату в виде ГГГГ-ММ-ДД.");
		assertThat(browser.follow(browser.get("/clients/export?format=pdf")).body())
			.contains("Этот список нельзя выгрузить в таком формате.");
	}

	@Test
	void lead_export_holds_the_readers_leads_with_statuses_in_their_language() throws IOException {
		leads.create(lead("Лидия Своя"), manager);
		leads.create(lead("Лев Чужой"), colleague);

		Table russian = table(signedIn(manager, "ru").download("/leads/export?format=xlsx&cols=name,status,company"));
		assertThat(russian.header()).containsExactly("Имя", "Статус", "Компания");
		assertThat(russian.rows()).containsExactly(List.of("Лидия Своя", "Новый", "ООО «Лид»"));

		Table english = table(signedIn(manager, "en").download("/leads/export?format=csv&cols=name,status"));
		assertThat(english.rows()).containsExactly(List.of("Лидия Своя", "New"));
	}

	@Test
	void api_export_needs_a_token_and_answers_only_what_the_caller_may_see() throws IOException {
		clients.create(ClientFixtures.organisation("Апи своя"), manager);
		clients.create(ClientFixtures.organisation("Апи чужая"), colleague);
		leads.create(lead("Апи лид"), manager);
		leads.create(lead("Апи чужой лид"), colleague);
		String[] token = { "Authorization", "Bearer " + tokens.issue(manager.id(), "export").secret() };
		WebSession api = new WebSession(port, "en");

		assertThat(api.download("/api/v1/clients/export?format=csv").statusCode()).isEqualTo(401);

		HttpResponse<byte[]> xlsx = api.download("/api/v1/clients/export?format=xlsx&cols=name,city", token);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(XLSX);
		Table sheet = table(xlsx);
		assertThat(sheet.header()).containsExactly("Name", "City");
		assertThat(names(sheet)).containsExactly("Апи своя");
		assertThat(names(table(api.download("/api/v1/leads/export?format=csv", token)))).containsExactly("Апи лид");

		HttpResponse<byte[]> refused = api.download("/api/v1/clients/export?format=csv&f.created.from=never", token);
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("f.created.from");
	}

	@Test
	void the_exports_are_in_the_openapi_document_with_their_file_types() {
		JsonNode paths = json.readTree(new WebSession(port, "en").get("/api/docs").body()).get("paths");

		assertThat(paths.has("/api/v1/leads/export")).isTrue();
		assertThat(paths.has("/api/v1/contacts/{id}/vcard")).isTrue();
		assertThat(paths.at("/~1api~1v1~1clients~1export/get/responses/200/content").propertyNames())
			.containsExactlyInAnyOrder("text/csv", XLSX);
		assertThat(paths.at("/~1api~1v1~1contacts~1export/get/responses/200/content").propertyNames())
			.containsExactlyInAnyOrder("text/csv", XLSX, "text/vcard");
	}

	private WebSession signedIn(CurrentUser user, String language) {
		var browser = new WebSession(port, language);
		browser.signIn(user.getUsername(), TestUsers.PASSWORD);
		return browser;
	}

	/** The header, the rows and (for CSV) the delimiter of a downloaded table. */
	record Table(List<String> header, List<List<String>> rows, Character delimiter) {
	}

	private Table table(HttpResponse<byte[]> download) throws IOException {
		assertThat(download.statusCode()).isEqualTo(200);
		String name = download.headers()
			.firstValue("Content-Disposition")
			.map(value -> value.replaceAll(".*filename=\"([^\"]+)\".*", "$1"))
			.orElseThrow();
		Path file = folder.resolve(name);
		Files.write(file, download.body());
		try (TabularReader reader = TabularFile.open(file, name)) {
			List<List<String>> rows = new ArrayList<>();
			for (List<String> row = reader.next(); row != null; row = reader.next()) {
				rows.add(row);
			}
			return new Table(reader.header(), rows, reader.detected().delimiter());
		}
	}

	/** The first column, where the name is unless the columns were chosen otherwise. */
	private static List<String> names(Table table) {
		return table.rows().stream().map(row -> row.get(0)).toList();
	}

	private static ClientDraft draft(String name, String city, List<String> phones, List<String> emails) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null,
				CompanySize.SMALL, null, null, null, LocalDate.of(2010, 5, 17), null,
				phones.stream().map(number -> new Phone(number, null)).toList(),
				emails.stream().map(address -> new Email(address, null)).toList(), List.of(),
				List.of(new Address(Address.Kind.ACTUAL, "ул. Советская, 1", city, null)), List.of(), List.of(),
				List.of(), null, Map.of());
	}

	private static LeadDraft lead(String name) {
		return new LeadDraft(name, "ООО «Лид»", "+7 495 555-01-02", null, null, LeadSource.MANUAL, null, null, null,
				Map.of());
	}

}
