package io.clientele.deals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import io.clientele.clients.ClientService;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files on a deal: uploaded from the card, told apart by their bytes, downloaded under a
 * safe name, removed; within the deal's access, in the database or on disk.
 */
@ClienteleIntegrationTest
class DealAttachmentIntegrationTests {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** RFC 6266 with an ASCII fallback and an RFC 8187 extended value, nothing else. */
	static final Pattern SAFE_DISPOSITION = Pattern
		.compile("attachment; filename=\"[\\x20-\\x7E&&[^\"\\\\]]+\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]+");

	@Autowired
	MockMvc mvc;

	@Autowired
	DealAttachments attachments;

	@Autowired
	DealService deals;

	@Autowired
	DealStore store;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	io.clientele.audit.RecordHistory history;

	@Autowired
	io.clientele.identity.internal.ApiTokens tokens;

	CurrentUser owner;

	CurrentUser otherDepartment;

	long deal;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		owner = users.user(Role.SALES_MANAGER, users.department("North", sales));
		otherDepartment = users.user(Role.SALES_MANAGER, users.department("South", sales));
		var fixtures = new DealFixtures(scenarios);
		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Клиент")), owner);
		deal = deals.create(fixtures.draft(client, "Поставка"), owner);
	}

	@Test
	void a_file_uploaded_on_the_card_downloads_as_it_was_under_its_sniffed_type() throws Exception {
		mvc.perform(multipart("/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "Договор №5.txt", "text/html", PDF))
			.with(csrf())
			.with(user(owner))).andExpect(flash().attribute("notice", "attachment.added"));
		var stored = attachments.of(deal, owner);
		assertThat(stored).singleElement().satisfies(file -> {
			assertThat(file.fileName()).isEqualTo("Договор №5.txt");
			assertThat(file.contentType()).isEqualTo("application/pdf");
			assertThat(file.size()).isEqualTo(PDF.length);
		});
		mvc.perform(get("/deals/" + deal).with(user(owner)))
			.andExpect(content().string(containsString("Договор №5.txt")));
		mvc.perform(get("/deals/" + deal + "/attachments/" + stored.get(0).id()).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"_______ _5.txt\"; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%20%E2%84%965.txt"))
			.andExpect(content().bytes(PDF));

		mvc.perform(post("/deals/" + deal + "/attachments/" + stored.get(0).id() + "/delete").with(csrf())
			.with(user(owner))).andExpect(flash().attribute("notice", "attachment.removed"));
		assertThat(attachments.of(deal, owner)).isEmpty();
	}

	@Test
	void another_departments_manager_finds_no_file_and_cannot_add_or_remove_one() throws Exception {
		long file = attachments.attach(deal, "offer.pdf", PDF.length, new ByteArrayInputStream(PDF), owner);
		mvc.perform(get("/deals/" + deal + "/attachments/" + file).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))
			.with(csrf())
			.with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(
				post("/deals/" + deal + "/attachments/" + file + "/delete").with(csrf()).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		long otherDeal = deals.create(
				new DealFixtures(scenarios)
					.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Юг")), otherDepartment), "Чужая"),
				otherDepartment);
		mvc.perform(get("/deals/" + otherDeal + "/attachments/" + file).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		assertThat(attachments.of(deal, owner)).hasSize(1);
	}

	@Test
	void programs_unknown_types_empty_and_too_large_files_are_refused_with_a_reason() throws Exception {
		byte[] windows = { 'M', 'Z', (byte) 0x90, 0, 3, 0 };
		byte[] linux = { 0x7F, 'E', 'L', 'F', 2, 1, 1 };
		byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
		byte[] binary = { 0, 1, 2, 3, (byte) 0xFF, 0, 7 };
		assertThat(refusal("setup.pdf", windows)).isEqualTo("attachment.executable");
		assertThat(refusal("report.txt", linux)).isEqualTo("attachment.executable");
		assertThat(refusal("notes.txt", script)).isEqualTo("attachment.executable");
		assertThat(refusal("data.bin", binary)).isEqualTo("attachment.type-refused");
		assertThat(refusal("empty.txt", new byte[0])).isEqualTo("attachment.empty");
		assertThatThrownBy(() -> attachments.attach(deal, "big.pdf", attachments.maxSize() + 1,
				new ByteArrayInputStream(PDF), owner))
			.isInstanceOfSatisfying(RuleViolation.class, violation -> {
				assertThat(violation.messageKey()).isEqualTo("attachment.too-large");
				assertThat(violation.arguments()).containsExactly(25L);
			});
		mvc.perform(multipart("/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "setup.exe", "application/octet-stream", windows))
			.with(csrf())
			.with(user(owner))).andExpect(flash().attribute("failure", "attachment.executable"));
		assertThat(attachments.of(deal, owner)).isEmpty();
	}

	@Test
	void hostile_file_names_are_stored_and_sent_safely() throws Exception {
		List<String> names = List.of(new JsonMapper()
			.readValue(Path.of("../shared/data/naughty-strings/blns.json").toFile(), String[].class));
		for (String name : names) {
			long id = attachments.attach(deal, name, 5, new ByteArrayInputStream("hello".getBytes()), owner);
			String stored = attachments.open(deal, id, owner).fileName();
			assertThat(stored).as(name).doesNotContainPattern("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]").isNotBlank();
			assertThat(Download.attachment(stored)).as(name).matches(SAFE_DISPOSITION);
		}
		assertThat(attachments.of(deal, owner)).hasSize(names.size());
		assertThat(attachments.attach(deal, "C:\\Users\\me\\..\\secret\\offer.pdf", PDF.length,
				new ByteArrayInputStream(PDF), owner))
			.satisfies(id -> assertThat(attachments.open(deal, id, owner).fileName()).isEqualTo("offer.pdf"));
		assertThat(attachments
			.open(deal,
					attachments.attach(deal, "photo\u202Egpj.exe", 5, new ByteArrayInputStream("hello".getBytes()),
							owner),
					owner)
			.fileName()).isEqualTo("photo gpj.exe");
	}

	@Test
	void on_disk_the_file_lives_under_the_home_and_goes_with_its_removal(@TempDir Path home) throws Exception {
		var onDisk = onDisk(home);
		long id = transactions
			.execute(tx -> onDisk.attach(deal, "offer.pdf", PDF.length, new ByteArrayInputStream(PDF), owner));
		Path directory = home.resolve("attachments").resolve(String.valueOf(deal));
		assertThat(files(directory)).singleElement().satisfies(file -> assertThat(file).hasBinaryContent(PDF));
		assertThat(jdbc.sql("select content is null from deal_attachments where id = ?")
			.param(id)
			.query(Boolean.class)
			.single()).isTrue();
		byte[] read = transactions.execute(tx -> {
			try (var in = onDisk.open(deal, id, owner).stream()) {
				return in.readAllBytes();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		assertThat(read).isEqualTo(PDF);
		transactions.executeWithoutResult(tx -> onDisk.remove(deal, id, owner));
		assertThat(files(directory)).isEmpty();
	}

	@Test
	void on_disk_a_removed_file_is_deleted_only_once_the_removal_commits(@TempDir Path home) throws Exception {
		var onDisk = onDisk(home);
		long id = transactions
			.execute(tx -> onDisk.attach(deal, "offer.pdf", PDF.length, new ByteArrayInputStream(PDF), owner));
		Path directory = home.resolve("attachments").resolve(String.valueOf(deal));

		transactions.executeWithoutResult(tx -> {
			onDisk.remove(deal, id, owner);
			tx.setRollbackOnly();
		});
		assertThat(files(directory)).as("the removal rolled back").hasSize(1);
		assertThat(attachments.of(deal, owner)).extracting(DealAttachments.Attachment::id).containsExactly(id);

		transactions.executeWithoutResult(tx -> {
			onDisk.remove(deal, id, owner);
			assertThat(files(directory)).as("before the commit").hasSize(1);
		});
		assertThat(files(directory)).as("after the commit").isEmpty();
	}

	@Test
	void a_deal_past_its_days_in_the_recycle_bin_loses_its_files_from_disk_once_the_purge_commits(@TempDir Path home)
			throws Exception {
		var onDisk = onDisk(home);
		transactions.executeWithoutResult(tx -> {
			onDisk.attach(deal, "offer.pdf", PDF.length, new ByteArrayInputStream(PDF), owner);
			onDisk.attach(deal, "price.pdf", PDF.length, new ByteArrayInputStream(PDF), owner);
		});
		long recent = deals.create(new DealFixtures(scenarios)
			.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Недавний")), owner), "Недавно удалена"),
				owner);
		transactions.executeWithoutResult(
				tx -> onDisk.attach(recent, "kept.pdf", PDF.length, new ByteArrayInputStream(PDF), owner));
		deals.delete(deal, deals.card(deal, owner).version(), owner);
		deals.delete(recent, deals.card(recent, owner).version(), owner);
		jdbc.sql("update deals set deleted_at = now() - interval '31 days' where id = ?").param(deal).update();
		Path directory = home.resolve("attachments").resolve(String.valueOf(deal));

		transactions.executeWithoutResult(tx -> {
			assertThat(onDisk.purgeDeletedDeals()).isGreaterThanOrEqualTo(2);
			assertThat(files(directory)).as("before the commit").hasSize(2);
		});

		assertThat(files(directory)).as("after the commit").isEmpty();
		assertThat(files(home.resolve("attachments").resolve(String.valueOf(recent))))
			.as("a deal still restorable keeps its file")
			.hasSize(1);
		assertThat(jdbc.sql("select count(*) from deal_attachments where deal_id = ?")
			.param(deal)
			.query(Long.class)
			.single()).isZero();
		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 1)).singleElement().satisfies(entry -> {
			assertThat(entry.actionKey()).isEqualTo("history.action.DETACHED");
			assertThat(entry.actorId()).as("the system did it").isNull();
			assertThat(entry.changes()).extracting(change -> change.after())
				.containsExactlyInAnyOrder("offer.pdf", "price.pdf");
		});
	}

	@Test
	void a_file_added_or_removed_is_in_the_deals_history() throws Exception {
		mvc.perform(multipart("/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "Договор.pdf", "application/pdf", PDF))
			.with(csrf())
			.with(user(owner))).andExpect(flash().attribute("notice", "attachment.added"));
		long id = attachments.of(deal, owner).get(0).id();
		mvc.perform(post("/deals/" + deal + "/attachments/" + id + "/delete").with(csrf()).with(user(owner)))
			.andExpect(flash().attribute("notice", "attachment.removed"));

		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 2)).satisfiesExactly(removed -> {
			assertThat(removed.actionKey()).isEqualTo("history.action.DETACHED");
			assertThat(removed.actorId()).isEqualTo(owner.id());
			assertThat(removed.changes()).singleElement().satisfies(change -> {
				assertThat(change.field()).isEqualTo("attachment.file");
				assertThat(change.after()).isEqualTo("Договор.pdf");
			});
		}, added -> {
			assertThat(added.actionKey()).isEqualTo("history.action.ATTACHED");
			assertThat(added.changes()).extracting(change -> change.after()).containsExactly("Договор.pdf");
		});
		mvc.perform(get("/deals/" + deal).header("Accept-Language", "ru").with(user(owner)))
			.andExpect(content().string(containsString("прикрепил(а) файл")))
			.andExpect(content().string(containsString("удалил(а) файл")));
	}

	@Test
	void the_api_uploads_lists_downloads_and_removes_a_file_of_the_callers_deal() throws Exception {
		String token = token(owner);
		String created = mvc
			.perform(multipart("/api/v1/deals/" + deal + "/attachments")
				.file(new MockMultipartFile("file", "Счёт.pdf", "text/plain", PDF))
				.header("Authorization", token))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("Счёт.pdf"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.size").value(PDF.length))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = new JsonMapper().readTree(created).get("id").asLong();
		mvc.perform(get("/api/v1/deals/" + deal + "/attachments").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].fileName").value("Счёт.pdf"));
		mvc.perform(get("/api/v1/deals/" + deal + "/attachments/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment;")))
			.andExpect(content().bytes(PDF));
		mvc.perform(delete("/api/v1/deals/" + deal + "/attachments/" + id).header("Authorization", token))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/deals/" + deal + "/attachments").header("Authorization", token))
			.andExpect(jsonPath("$").isEmpty());
		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 2)).extracting(entry -> entry.actionKey())
			.containsExactly("history.action.DETACHED", "history.action.ATTACHED");
	}

	@Test
	void manager_of_another_department_gets_404_from_every_attachment_call_of_the_api() throws Exception {
		long file = attachments.attach(deal, "offer.pdf", PDF.length, new ByteArrayInputStream(PDF), owner);
		String token = token(otherDepartment);
		mvc.perform(get("/api/v1/deals/" + deal + "/attachments").header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		mvc.perform(get("/api/v1/deals/" + deal + "/attachments/" + file).header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))
			.header("Authorization", token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments").header("Authorization", token))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/deals/" + deal + "/attachments/" + file).header("Authorization", token))
			.andExpect(status().isNotFound());
		assertThat(attachments.of(deal, owner)).hasSize(1);
		assertThat(history.of(DealService.RECORD_TYPE, deal, null, 10)).extracting(entry -> entry.actionKey())
			.doesNotContain("history.action.DETACHED");
	}

	@Test
	void a_bad_upload_through_the_api_is_refused_with_a_problem_detail() throws Exception {
		String token = token(owner);
		byte[] windows = { 'M', 'Z', (byte) 0x90, 0, 3, 0 };
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "setup.pdf", "application/pdf", windows))
			.header("Accept-Language", "en")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.detail").value("Programs and scripts cannot be attached."))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "data.bin", "application/octet-stream", new byte[] { 0, 1, 2, 3 }))
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		byte[] tooLarge = new byte[(int) attachments.maxSize() + 1];
		System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments")
			.file(new MockMultipartFile("file", "big.pdf", "application/pdf", tooLarge))
			.header("Accept-Language", "en")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"))
			.andExpect(jsonPath("$.detail").value("The file is larger than 25 MB."));
		mvc.perform(multipart("/api/v1/deals/" + deal + "/attachments").header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		assertThat(attachments.of(deal, owner)).isEmpty();
	}

	private String token(CurrentUser user) {
		return "Bearer " + tokens.issue(user.id(), "files").secret();
	}

	private DealAttachments onDisk(Path home) {
		var properties = new ClienteleProperties(home,
				new ClienteleProperties.Db(null, null, null, 0, java.time.Duration.ofSeconds(5)),
				new ClienteleProperties.EmbeddedDb(0, true, java.time.Duration.ofSeconds(30), null),
				new ClienteleProperties.Admin("admin", null),
				new ClienteleProperties.Login(5, java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(1),
						java.time.Duration.ofMinutes(15)),
				"RU",
				new ClienteleProperties.Live(8, 2000, java.time.Duration.ofSeconds(20),
						java.time.Duration.ofMinutes(30), java.time.Duration.ofSeconds(3)),
				new ClienteleProperties.Attachments(ClienteleProperties.Attachments.Storage.DISK,
						DataSize.ofMegabytes(1)));
		return new DealAttachments(jdbc, store, properties, Clock.systemUTC(), events);
	}

	private static List<Path> files(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (var files = Files.list(directory)) {
			return files.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String refusal(String name, byte[] bytes) {
		try {
			attachments.attach(deal, name, bytes.length, new ByteArrayInputStream(bytes), owner);
			return "accepted";
		}
		catch (RuleViolation violation) {
			return violation.messageKey();
		}
	}

}
