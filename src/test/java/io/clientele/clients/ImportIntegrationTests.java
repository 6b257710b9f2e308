package io.clientele.clients;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.clientele.clients.internal.ImportWorker;
import io.clientele.clients.internal.vcard.VCards;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.UnreadableFile;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing clients, contact persons and leads from files: reading what users really
 * have, refusing bad rows one by one, duplicates, reverting, and an import that is cut
 * off leaving nothing behind.
 */
@ClienteleIntegrationTest
class ImportIntegrationTests {

	private static final Path SHARED_DATA = Path.of("..", "shared", "data");

	@Autowired
	Imports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	Leads leads;

	@Autowired
	Search search;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	MockMvc mvc;

	TestUsers users;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser otherManager;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		otherManager = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void a_windows_1251_csv_of_a_thousand_clients_keeps_the_good_rows_and_reports_the_one_bad_row() {
		String tag = TestUsers.unique("Импорт");
		StringBuilder csv = new StringBuilder("Наименование;Телефон;E-mail;Город\r\n");
		for (int i = 1; i <= 1000; i++) {
			String email = i == 500 ? "не-адрес" : "office" + i + "@" + tag.toLowerCase().replaceAll("\\W", "") + ".ru";
			csv.append("ООО «")
				.append(tag)
				.append(" ")
				.append(i)
				.append("»;")
				.append(i == 300 ? "" : "+7 495 " + String.format("%03d-%02d-%02d", i % 1000, i % 100, (i * 7) % 100))
				.append(';')
				.append(email)
				.append(";Казань\r\n");
		}
		long id = upload(ImportKind.CLIENT, "база.csv", csv.toString().getBytes(Charset.forName("windows-1251")), head);

		Imports.Setup setup = imports.setup(id, head);
		assertThat(setup.status().encoding()).isEqualToIgnoringCase("windows-1251");
		assertThat(setup.status().delimiter()).isEqualTo(";");
		assertThat(setup.mapping()).containsEntry(0, "name")
			.containsEntry(1, "phone")
			.containsEntry(2, "email")
			.containsEntry(3, "city");

		ImportStatus done = run(id, setup.mapping(), DuplicatePolicy.SKIP, head);

		assertThat(done.state()).isEqualTo(ImportState.DONE);
		assertThat(done.rowsRead()).isEqualTo(1000);
		assertThat(done.created()).isEqualTo(999);
		assertThat(done.refused()).isEqualTo(1);
		ImportIssue refused = imports.issues(id, 0, 10, head).get(0);
		assertThat(refused.rowNumber()).isEqualTo(501);
		assertThat(refused.outcome()).isEqualTo(ImportIssue.Outcome.REFUSED);
		assertThat(refused.field()).isEqualTo("E-mail");
		assertThat(refused.reason()).isEqualTo("email.invalid");
		assertThat(refused.cells()).contains("не-адрес");
		assertThat(jdbc.sql("select count(*) from clients where import_id = ? and city = 'Казань' and name like ?")
			.params(id, "ООО «" + tag + "%")
			.query(Long.class)
			.single()).isEqualTo(999);
		long someClient = jdbc.sql("select id from clients where import_id = ? and import_row = 2")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(actions("client", someClient)).contains("CREATED");
	}

	@Test
	void duplicates_in_the_base_and_in_the_file_are_skipped_updated_or_created_as_chosen() {
		String tag = TestUsers.unique("Ромашка");
		long existing = clients.create(organisation("ООО \"" + tag + "\"", "+7 495 111-22-33"), head);
		String csv = """
				Company,Phone,Email,Industry
				"%1$s LLC",,sales@%2$s.ru,Retail
				Другая %1$s,8 (495) 111-22-33,,
				Новая %1$s,+7 812 000-00-01,,
				Новая %1$s,+7 812 000-00-01,,
				""".formatted(tag, tag.toLowerCase().replaceAll("\\W", ""));

		long skip = upload(ImportKind.CLIENT, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), head);
		ImportStatus skipped = run(skip, imports.setup(skip, head).mapping(), DuplicatePolicy.SKIP, head);
		assertThat(skipped.created()).isEqualTo(1);
		assertThat(skipped.skipped()).isEqualTo(3);
		assertThat(imports.issues(skip, 0, 10, head)).extracting(ImportIssue::reason)
			.containsExactly("import.duplicate.exists.name", "import.duplicate.exists.phone",
					"import.duplicate.repeats-row");

		long update = upload(ImportKind.CLIENT, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), head);
		ImportStatus updated = run(update, imports.setup(update, head).mapping(), DuplicatePolicy.UPDATE, head);
		// the existing client, and the one the first import created from row 4
		assertThat(updated.updated()).isEqualTo(2);
		assertThat(updated.created()).isZero();
		ClientCard card = clients.card(existing, head);
		assertThat(card.emails()).extracting(Email::address)
			.contains("sales@" + tag.toLowerCase().replaceAll("\\W", "") + ".ru");
		assertThat(card.industry()).isEqualTo("Retail");
		assertThat(card.name()).isEqualTo("ООО \"" + tag + "\"");

		long create = upload(ImportKind.CLIENT, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), head);
		ImportStatus created = run(create, imports.setup(create, head).mapping(), DuplicatePolicy.CREATE, head);
		assertThat(created.created()).isEqualTo(4);
	}

	@Test
	void reverting_an_import_deletes_what_it_created_and_gives_updated_clients_their_values_back() {
		String tag = TestUsers.unique("Василёк");
		long existing = clients.create(organisation("АО " + tag, "+7 495 222-33-44"), head);
		String csv = """
				Название;Телефон;Отрасль
				%1$s;+7 495 222-33-44;Строительство
				Другая %1$s;+7 343 555-66-77;Торговля
				""".formatted(tag);
		long id = upload(ImportKind.CLIENT, "update.csv", csv.getBytes(StandardCharsets.UTF_8), head);
		ImportStatus done = run(id, imports.setup(id, head).mapping(), DuplicatePolicy.UPDATE, head);
		assertThat(done.updated()).isEqualTo(1);
		assertThat(done.created()).isEqualTo(1);
		assertThat(clients.card(existing, head).industry()).isEqualTo("Строительство");
		long createdId = jdbc.sql("select id from clients where import_id = ?").param(id).query(Long.class).single();

		imports.revert(id, head);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> imports.status(id, head).state() == ImportState.REVERTED);

		assertThat(clients.card(existing, head).industry()).isNull();
		assertThatThrownBy(() -> clients.card(createdId, head)).isInstanceOf(RecordNotFound.class);
		assertThat(actions("client", existing)).contains("UPDATED");
		assertThat(actions("client", createdId)).contains("DELETED");
		assertThat(imports.status(id, head).revertible()).isFalse();
	}

	@Test
	void an_import_may_be_reverted_for_thirty_days_only() {
		long id = upload(ImportKind.CLIENT, "old.csv",
				("Название\n" + TestUsers.unique("Старый клиент") + "\n").getBytes(StandardCharsets.UTF_8), head);
		run(id, Map.of(0, "name"), DuplicatePolicy.SKIP, head);
		jdbc.sql("update imports set finished_at = now() - interval '31 days' where id = ?").param(id).update();

		assertThatThrownBy(() -> imports.revert(id, head)).isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("import.revert.too-late");
	}

	@Test
	void an_import_cut_off_in_the_middle_leaves_no_rows_and_shows_as_failed() throws Exception {
		String tag = TestUsers.unique("Обрыв");
		long blocker = clients.create(organisation(tag + " блок", "+7 495 999-00-11"), head);
		StringBuilder csv = new StringBuilder("Название,Телефон\n");
		for (int i = 0; i < 2_500; i++) {
			csv.append(tag).append(' ').append(i).append(",\n");
		}
		csv.append(tag).append(" блок,+7 495 999-00-11\n");
		long id = upload(ImportKind.CLIENT, "cut.csv", csv.toString().getBytes(StandardCharsets.UTF_8), head);
		imports.configure(id, imports.status(id, head).version(), Map.of(0, "name", 1, "phone"), DuplicatePolicy.UPDATE,
				null, head);

		// Another transaction holds the client the second batch updates, so the import
		// waits there, its first batch written; then its connection is cut, as when the
		// server dies.
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch locked = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
			try (var connection = dataSource.getConnection()) {
				connection.setAutoCommit(false);
				connection.createStatement().execute("select id from clients where id = " + blocker + " for update");
				locked.countDown();
				release.await();
				connection.rollback();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		locked.await();
		imports.start(id, head);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waitingBackend() != null);
		assertThat(
				jdbc.sql("select count(*) from import_issues where import_id = ?").param(id).query(Long.class).single())
			.isZero();
		jdbc.sql("select pg_terminate_backend(?)").param(waitingBackend()).query(Boolean.class).single();
		release.countDown();
		holder.join();

		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> imports.status(id, head).state().finished());
		assertThat(imports.status(id, head).state()).isEqualTo(ImportState.FAILED);
		assertThat(jdbc.sql("select count(*) from clients where import_id = ?").param(id).query(Long.class).single())
			.isZero();
		assertThat(
				jdbc.sql("select count(*) from clients where name like ?").param(tag + " %").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void an_import_whose_worker_died_with_its_server_shows_as_failed() {
		long id = upload(ImportKind.CLIENT, "died.csv",
				("Название\n" + TestUsers.unique("Клиент") + "\n").getBytes(StandardCharsets.UTF_8), head);
		jdbc.sql("update imports set state = 'RUNNING', started_at = now() where id = ?").param(id).update();

		ImportStatus status = imports.status(id, head);

		assertThat(status.state()).isEqualTo(ImportState.FAILED);
		assertThat(status.error()).isEqualTo("import.error.interrupted");
	}

	@Test
	void a_mapping_without_the_name_or_with_a_field_twice_is_refused() {
		long id = upload(ImportKind.CLIENT, "phones.csv",
				"Телефон;ИНН\n+74951112233;7707083893\n".getBytes(StandardCharsets.UTF_8), head);
		long version = imports.status(id, head).version();

		assertThatThrownBy(
				() -> imports.configure(id, version, Map.of(0, "phone", 1, "inn"), DuplicatePolicy.SKIP, null, head))
			.isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("import.mapping.needs-name");
		assertThatThrownBy(
				() -> imports.configure(id, version, Map.of(0, "name", 1, "name"), DuplicatePolicy.SKIP, null, head))
			.isInstanceOf(RuleViolation.class)
			.extracting("messageKey")
			.isEqualTo("import.mapping.twice");
	}

	@Test
	void an_old_excel_workbook_or_a_binary_file_is_refused_with_a_message() {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0,
				0, 0 };
		assertThatThrownBy(() -> upload(ImportKind.CLIENT, "clients.xls", ole2, head))
			.isInstanceOf(UnreadableFile.class)
			.extracting("messageKey")
			.isEqualTo("files.unreadable.xls");
		assertThatThrownBy(() -> upload(ImportKind.CLIENT, "empty.csv", new byte[0], head))
			.isInstanceOf(UnreadableFile.class)
			.extracting("messageKey")
			.isEqualTo("import.file.empty");
	}

	@Test
	void a_manager_does_not_learn_about_other_managers_clients_nor_give_clients_away() {
		String tag = TestUsers.unique("Чужой");
		clients.create(organisation(tag, "+7 495 333-44-55"), otherManager);
		String csv = """
				Название,Телефон,Ответственный
				Мой %1$s,+7 495 333-44-55,
				Ещё %1$s,,%2$s
				""".formatted(tag, otherManager.displayName());
		long id = upload(ImportKind.CLIENT, "mine.csv", csv.getBytes(StandardCharsets.UTF_8), manager);
		ImportStatus done = run(id, imports.setup(id, manager).mapping(), DuplicatePolicy.UPDATE, manager);

		assertThat(done.created()).isZero();
		List<ImportIssue> issues = imports.issues(id, 0, 10, manager);
		assertThat(issues.get(0).reason()).isEqualTo("duplicates.hidden");
		assertThat(issues.get(0).reasonArgs()).containsExactly(otherManager.displayName());
		assertThat(issues.get(0).recordId()).isNull();
		assertThat(issues.get(1).reason()).isEqualTo("client.responsible.not-yours-to-give");
		assertThat(issues.get(1).field()).isEqualTo("Ответственный");
		assertThatThrownBy(() -> imports.status(id, otherManager)).isInstanceOf(RecordNotFound.class);
	}

	@Test
	void contact_persons_join_the_client_named_by_inn_or_name_and_leads_wait_in_the_queue() {
		String tag = TestUsers.unique("Работодатель");
		long employer = clients.create(organisation(tag, "+7 495 444-55-66"), head);
		String csv = """
				ФИО;Компания;Должность;Мобильный
				Петров Пётр Петрович;%1$s;Директор;+7 916 100-20-30
				Сидорова Анна;Нет такой %1$s;Бухгалтер;
				""".formatted(tag);
		long id = upload(ImportKind.CONTACT, "staff.csv", csv.getBytes(StandardCharsets.UTF_8), head);
		ImportStatus done = run(id, imports.setup(id, head).mapping(), DuplicatePolicy.SKIP, head);

		assertThat(done.created()).isEqualTo(1);
		assertThat(imports.issues(id, 0, 10, head)).extracting(ImportIssue::reason)
			.containsExactly("import.client.not-found");
		long contactId = jdbc.sql("select id from contacts where import_id = ?").param(id).query(Long.class).single();
		ContactCard contact = contacts.card(contactId, head);
		assertThat(contact.lastName()).isEqualTo("Петров");
		assertThat(contact.middleName()).isEqualTo("Петрович");
		assertThat(jdbc.sql("select position from client_contacts where client_id = ? and contact_id = ?")
			.params(employer, contactId)
			.query(String.class)
			.single()).isEqualTo("Директор");
		// copied in, and seen through the client by its manager only
		assertThat(jdbc.sql("select cast(client_responsible_ids as text) from contacts where id = ?")
			.param(contactId)
			.query(String.class)
			.single()).isEqualTo("{" + head.id() + "}");
		assertThat(search.find("Петров Пётр Петрович", 50, head).contacts()).extracting(Search.Hit::id)
			.contains(contactId);
		assertThat(search.find("Петров Пётр Петрович", 50, manager).contacts()).extracting(Search.Hit::id)
			.doesNotContain(contactId);

		String leadsCsv = "Имя,Телефон,E-mail,Канал\nИгорь " + tag + ",+7 903 111-00-00,,Выставка\n";
		long leadImport = upload(ImportKind.LEAD, "leads.csv", leadsCsv.getBytes(StandardCharsets.UTF_8), head);
		assertThat(run(leadImport, imports.setup(leadImport, head).mapping(), DuplicatePolicy.SKIP, head).created())
			.isEqualTo(1);
		long leadId = jdbc.sql("select id from leads where import_id = ?").param(leadImport).query(Long.class).single();
		LeadCard lead = leads.card(leadId, head);
		assertThat(lead.source()).isEqualTo(LeadSource.IMPORT);
		assertThat(lead.channel()).isEqualTo("Выставка");
		assertThat(lead.responsibleId()).isNull();
		assertThatThrownBy(() -> leads.card(leadId, manager)).isInstanceOf(RecordNotFound.class);
	}

	@Test
	void every_vcard_sample_is_imported_without_losing_a_name_phone_or_email() throws IOException {
		long employer = clients.create(organisation(TestUsers.unique("Адресная книга"), "+7 495 555-66-77"), head);
		try (Stream<Path> files = Files.list(SHARED_DATA.resolve("vcard"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".vcf")).sorted().toList()) {
				long id = upload(ImportKind.CONTACT, file.getFileName().toString(), Files.readAllBytes(file), head);
				Imports.Setup setup = imports.setup(id, head);
				assertThat(setup.fixedColumns()).isTrue();
				imports.configure(id, setup.status().version(), setup.mapping(), DuplicatePolicy.CREATE, employer,
						head);
				ImportStatus done = finish(id, head);
				assertThat(done.refused()).as(file + ": " + imports.issues(id, 0, 50, head)).isZero();
				try (var in = Files.newInputStream(file); var cards = VCards.read(in)) {
					cards.forEach(card -> {
						var row = jdbc.sql("""
								select full_name, notes, phone_digits::text as phones, email_lower::text as emails
								  from contacts where import_id = ? and import_row = ?
								""").params(id, card.number()).query().singleRow();
						String name = card.contact().displayName();
						if (card.contact().lastName() != null) {
							assertThat((String) row.get("full_name")).as(file + " card " + card.number())
								.contains(card.contact().lastName());
						}
						else if (!name.isEmpty()) {
							assertThat((String) row.get("full_name")).as(file + " card " + card.number())
								.contains(name.split(" ")[0]);
						}
						card.contact()
							.emails()
							.forEach(email -> assertThat((String) row.get("emails")).as(file + " card " + card.number())
								.contains(email.address().toLowerCase()));
						card.contact().phones().forEach(phone -> {
							String dialled;
							try {
								dialled = PhoneNumbers.digits(PhoneNumbers.normalise("phone", phone.number(), "RU"));
							}
							catch (RuleViolation notANumber) {
								dialled = null;
							}
							if (dialled != null) {
								assertThat((String) row.get("phones")).as(file + " card " + card.number())
									.contains(dialled);
							}
							else {
								// kept as written, in the notes, and told in the report
								assertThat((String) row.get("notes")).as(file + " card " + card.number())
									.contains(phone.number());
							}
						});
					});
				}
			}
		}
	}

	@Test
	void every_csv_spectrum_file_is_read_into_exactly_the_rows_of_its_json_twin() throws IOException {
		Path spectrum = SHARED_DATA.resolve("csv-spectrum");
		try (Stream<Path> files = Files.list(spectrum.resolve("csvs"))) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				List<Map<String, String>> expected = JsonMapper.shared()
					.readValue(spectrum.resolve("json").resolve(name.replace(".csv", ".json")).toFile(),
							new TypeReference<List<Map<String, String>>>() {
							});
				// the *_crlf files of the shared copy lost their CRs (their bytes are LF
				// only)
				// while their json still has CRLF inside the quoted field
				byte[] bytes = Files.readAllBytes(file);
				if (!new String(bytes, StandardCharsets.UTF_8).contains("\r")) {
					expected.forEach(row -> row.replaceAll((key, value) -> value.replace("\r\n", "\n")));
				}
				long id = upload(ImportKind.LEAD, name, bytes, head);
				ImportStatus status = imports.status(id, head);
				List<Map<String, String>> read = new ArrayList<>();
				try (var source = worker.open(status)) {
					for (List<String> cells = source.next(); cells != null; cells = source.next()) {
						Map<String, String> row = new LinkedHashMap<>();
						for (int i = 0; i < status.header().size(); i++) {
							row.put(status.header().get(i), i < cells.size() ? cells.get(i) : "");
						}
						read.add(row);
					}
				}
				assertThat(read).as(name).isEqualTo(expected);
			}
		}
	}

	@Test
	void the_api_takes_a_file_with_its_mapping_and_answers_with_the_running_import() throws Exception {
		String tag = TestUsers.unique("Апи");
		MockMultipartFile file = new MockMultipartFile("file", "api.csv", "text/csv",
				("name;tel\n" + tag + ";+7 495 777-88-99\n").getBytes(StandardCharsets.UTF_8));
		String location = mvc
			.perform(multipart("/api/v1/imports").file(file)
				.param("kind", "CLIENT")
				.param("mapping", "{\"name\": \"name\", \"1\": \"phone\"}")
				.with(user(head)))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		awaitFinished(id, head);

		mvc.perform(get(location).with(user(head)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.created").value(1));
		mvc.perform(get(location).with(user(manager))).andExpect(status().isNotFound());
	}

	private long upload(ImportKind kind, String name, byte[] content, CurrentUser user) {
		return imports.upload(kind, name, new ByteArrayInputStream(content), null, null, user);
	}

	private ImportStatus run(long id, Map<Integer, String> mapping, DuplicatePolicy policy, CurrentUser user) {
		imports.configure(id, imports.status(id, user).version(), mapping, policy, null, user);
		return finish(id, user);
	}

	private ImportStatus finish(long id, CurrentUser user) {
		imports.start(id, user);
		return awaitFinished(id, user);
	}

	private ImportStatus awaitFinished(long id, CurrentUser user) {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> imports.status(id, user).state().finished());
		return imports.status(id, user);
	}

	private static ClientDraft organisation(String name, String phone) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(new Phone(phone, null)), List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), null, Map.of());
	}

	private @org.jspecify.annotations.Nullable Integer waitingBackend() {
		return jdbc.sql("""
				select pid from pg_stat_activity
				 where wait_event_type = 'Lock' and query like 'update clients%' limit 1
				""").query(Integer.class).optional().orElse(null);
	}

	private List<String> actions(String type, long id) {
		return jdbc.sql("select action from record_history where record_type = ? and record_id = ? order by id")
			.params(type, id)
			.query(String.class)
			.list();
	}

}
