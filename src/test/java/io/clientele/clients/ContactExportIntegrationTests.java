package io.clientele.clients;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.clients.internal.vcard.VCardContact;
import io.clientele.clients.internal.vcard.VCards;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contact persons leave as vCard 4.0 (one from the card, many from the list) and as the
 * contact list's table, with only the people the reader may see.
 */
@ClienteleIntegrationTest
class ContactExportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@TempDir
	Path folder;

	CurrentUser manager;

	CurrentUser colleague;

	long mine;

	long ivanov;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		mine = clients.create(ClientFixtures.organisation("ООО «Ромашка»"), manager);
		ivanov = contacts.create(
				new ContactDraft("Иванов", "Иван", "Иванович", LocalDate.of(1980, 4, 12),
						List.of(new Phone("+7 495 111-22-33", "рабочий"), new Phone("8 916 222-33-44", "мобильный")),
						List.of(new Email("ivanov@romashka.example", "work")), List.of(), "Любит звонки по утрам",
						List.of(new ContactDraft.Work(mine, "Директор", "Закупки", true, false, null)), Map.of()),
				manager);
	}

	@Test
	void a_contacts_vcard_reads_back_with_names_phones_e_mails_and_job() {
		HttpResponse<byte[]> file = signedIn(manager).download("/contacts/" + ivanov + "/vcard");

		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type")).hasValue("text/vcard;charset=UTF-8");
		assertThat(file.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"contact-" + ivanov
				+ ".vcf\"; filename*=UTF-8''" + "%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%20%D0%98%D0%B2%D0%B0%D0%BD%20"
				+ "%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B8%D1%87.vcf");
		assertThat(new String(file.body(), StandardCharsets.UTF_8)).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n");
		List<VCardContact> cards = cards(file);
		assertThat(cards).hasSize(1);
		VCardContact card = cards.get(0);
		assertThat(card.lastName()).isEqualTo("Иванов");
		assertThat(card.firstName()).isEqualTo("Иван");
		assertThat(card.middleName()).isEqualTo("Иванович");
		assertThat(card.phones()).containsExactly(new VCardContact.Telephone("+74951112233", "work"),
				new VCardContact.Telephone("+79162223344", "cell"));
		assertThat(card.emails()).containsExactly(new VCardContact.EmailAddress("ivanov@romashka.example", "work"));
		assertThat(card.birthday()).isEqualTo(LocalDate.of(1980, 4, 12));
		assertThat(card.organisation()).isEqualTo("ООО «Ромашка»");
		assertThat(card.department()).isEqualTo("Закупки");
		assertThat(card.jobTitle()).isEqualTo("Директор");
		assertThat(card.note()).isEqualTo("Любит звонки по утрам");
	}

	@Test
	void a_contact_the_reader_may_not_see_has_no_vcard() {
		assertThat(signedIn(colleague).download("/contacts/" + ivanov + "/vcard").statusCode()).isEqualTo(404);
	}

	@Test
	void the_filtered_contact_list_leaves_as_one_vcard_file_of_the_readers_people() {
		contacts.create(person("Петров", "Пётр", mine), manager);
		long theirs = clients.create(ClientFixtures.organisation("ООО «Чужая»"), colleague);
		contacts.create(person("Чужаков", "Павел", theirs), colleague);
		WebSession browser = signedIn(manager);

		HttpResponse<byte[]> all = browser.download("/contacts/export?format=vcf");
		assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
			.matches("attachment; filename=\"contacts-\\d{4}-\\d{2}-\\d{2}\\.vcf\"; filename\\*=UTF-8''.+\\.vcf");
		assertThat(cards(all)).extracting(VCardContact::displayName)
			.containsExactly("Иванов Иван Иванович", "Петров Пётр");

		HttpResponse<byte[]> found = browser.download("/contacts/export?format=vcf&q=%D0%BF%D0%B5%D1%82%D1%80");
		assertThat(cards(found)).extracting(VCardContact::displayName).containsExactly("Петров Пётр");
	}

	@Test
	void the_contact_list_exports_its_columns_as_a_table() throws IOException {
		HttpResponse<byte[]> file = signedIn(manager).download("/contacts/export?format=xlsx");

		assertThat(file.statusCode()).isEqualTo(200);
		Path saved = folder.resolve("contacts.xlsx");
		Files.write(saved, file.body());
		try (TabularReader reader = TabularFile.open(saved, "contacts.xlsx")) {
			// Extra fields shown in the list (of other tests) follow these columns.
			assertThat(reader.header()).startsWith("Наименование", "Где работает", "Телефоны", "E-mail");
			assertThat(reader.next()).startsWith("Иванов Иван Иванович", "ООО «Ромашка»",
					"'+7 495 111-22-33, +7 916 222-33-44", "ivanov@romashka.example");
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void api_vcards_need_a_token_and_hold_the_callers_people_only() {
		long theirs = clients.create(ClientFixtures.organisation("ООО «Апи чужая»"), colleague);
		contacts.create(person("Чужаков", "Павел", theirs), colleague);
		String[] token = { "Authorization", "Bearer " + tokens.issue(manager.id(), "vcards").secret() };
		WebSession api = new WebSession(port, "en");

		assertThat(api.download("/api/v1/contacts/export?format=vcf").statusCode()).isEqualTo(401);
		assertThat(cards(api.download("/api/v1/contacts/export?format=vcf", token)))
			.extracting(VCardContact::displayName)
			.containsExactly("Иванов Иван Иванович");
		assertThat(cards(api.download("/api/v1/contacts/" + ivanov + "/vcard", token))).hasSize(1);
	}

	private WebSession signedIn(CurrentUser user) {
		var browser = new WebSession(port, "ru");
		browser.signIn(user.getUsername(), TestUsers.PASSWORD);
		return browser;
	}

	private static List<VCardContact> cards(HttpResponse<byte[]> file) {
		assertThat(file.statusCode()).isEqualTo(200);
		try (var cards = VCards.read(new ByteArrayInputStream(file.body()))) {
			List<VCardContact> read = new ArrayList<>();
			cards.forEach(card -> read.add(card.contact()));
			return read;
		}
	}

	private static ContactDraft person(String lastName, String firstName, long clientId) {
		return new ContactDraft(lastName, firstName, null, null, List.of(new Phone("+7 900 000-00-00", null)),
				List.of(), List.of(), null, List.of(new ContactDraft.Work(clientId, null, null, false, false, null)),
				Map.of());
	}

}
