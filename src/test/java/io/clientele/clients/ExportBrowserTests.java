package io.clientele.clients;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import io.clientele.clients.internal.vcard.VCards;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.files.TabularFile;
import io.clientele.shared.files.TabularReader;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export controls on a phone, in a real browser: the menu opens, the file arrives
 * under its Russian name and holds what the list showed.
 */
@ClienteleIntegrationTest
class ExportBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@TempDir
	Path folder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
	}

	@Test
	void on_a_phone_the_filtered_client_list_downloads_as_a_workbook_and_a_contact_as_a_vcard() throws Exception {
		long client = clients.create(ClientFixtures.organisation("ООО «Телефонная»"), manager);
		clients.create(ClientFixtures.organisation("ООО «Другая»"), manager);
		long person = contacts.create(new ContactDraft("Смирнова", "Ольга", null, null,
				List.of(new Phone("+7 495 000-12-34", null)), List.of(new Email("olga@phone.example", null)), List.of(),
				null, List.of(new ContactDraft.Work(client, null, null, false, false, null)), Map.of()), manager);
		Page page = browser.newPage("ru-RU", 375, 812);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		page.navigate(url("/clients?q=%D0%A2%D0%B5%D0%BB%D0%B5%D1%84%D0%BE%D0%BD"));
		page.locator("[data-test=export-menu]").click();
		BrowserExtension.screenshot(page, "export-menu-phone-ru");
		Download workbook = page.waitForDownload(() -> page.locator("[data-test=export-xlsx]").click());
		assertThat(workbook.suggestedFilename()).isEqualTo("Клиенты-" + LocalDate.now() + ".xlsx");
		Path file = folder.resolve("clients.xlsx");
		workbook.saveAs(file);
		try (TabularReader reader = TabularFile.open(file, "clients.xlsx")) {
			assertThat(reader.header()).startsWith("Наименование", "Вид");
			assertThat(reader.next()).startsWith("ООО «Телефонная»", "Организация");
			assertThat(reader.next()).isNull();
		}

		page.navigate(url("/contacts/" + person));
		Download card = page.waitForDownload(() -> page.locator("[data-test=download-vcard]").click());
		assertThat(card.suggestedFilename()).isEqualTo("Смирнова Ольга.vcf");
		assertThat(card.failure()).isNull();
		try (var cards = VCards.read(card.createReadStream())) {
			assertThat(cards.map(read -> read.contact().displayName())).containsExactly("Смирнова Ольга");
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
