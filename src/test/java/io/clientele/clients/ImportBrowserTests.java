package io.clientele.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A head brings a small spreadsheet of clients in on a phone, in Russian: one row is a
 * client the base already has, which the import updates instead of doubling; the new
 * client is then found through the top-bar search.
 */
@ClienteleIntegrationTest
class ImportBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		head = users.user(Role.HEAD_OF_DEPARTMENT, users.department("Продажи", users.rootDepartment()));
	}

	@Test
	void a_csv_with_a_known_client_updates_it_creates_the_new_one_and_the_search_finds_it(@TempDir Path files)
			throws IOException {
		String tag = TestUsers.unique("Импортёр").replaceAll("\\s", "");
		long known = clients
			.create(new ClientDraft(ClientKind.ORGANISATION, "ООО «Альфа " + tag + "»", null, null, null, null, null,
					null, null, null, null, null, null, null, null, null, List.of(new Phone("+7 495 700-10-20", null)),
					List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of()), head);
		Path csv = files.resolve("клиенты.csv");
		Files.writeString(csv, """
				Наименование;Телефон;Город;Отрасль
				Альфа %1$s;8 (495) 700-10-20;Москва;Логистика
				Бета %1$s;+7 812 300-40-50;Казань;Торговля
				""".formatted(tag), StandardCharsets.UTF_8);

		Page page = browser.newPage("ru-RU", 390, 844);
		page.navigate(url("/login"));
		page.locator("#username").fill(head.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		page.navigate(url("/imports"));
		BrowserExtension.screenshot(page, "imports-phone-ru");
		page.locator("[data-test=file]").setInputFiles(csv);
		page.locator("[data-test=upload-file]").click();

		assertThat(page.locator("[data-test=column-0]")).hasValue("name");
		assertThat(page.locator("[data-test=column-1]")).hasValue("phone");
		assertThat(page.locator("[data-test=column-2]")).hasValue("city");
		page.locator("[data-test=policy-UPDATE]").check();
		BrowserExtension.screenshot(page, "import-mapping-phone-ru");
		page.locator("[data-test=to-preview]").click();

		assertThat(page.locator("[data-test=preview] tr[data-outcome=UPDATE]")).containsText("Альфа " + tag);
		assertThat(page.locator("[data-test=preview] tr[data-outcome=CREATE]")).containsText("Бета " + tag);
		BrowserExtension.screenshot(page, "import-preview-phone-ru");
		page.locator("[data-test=start]").click();

		assertThat(page.locator("[data-test=state]")).hasAttribute("data-state", "DONE");
		assertThat(page.locator("[data-test=created]")).hasText("1");
		assertThat(page.locator("[data-test=updated]")).hasText("1");
		assertThat(page.locator("[data-test=no-issues]")).isVisible();
		BrowserExtension.screenshot(page, "import-done-phone-ru");

		page.navigate(url("/clients/" + known));
		assertThat(page.locator("body")).containsText("Логистика");

		page.locator("[data-test=top-search]").fill("Бета " + tag);
		page.locator("#search-suggestions [data-test=search-hit]").first().click();
		assertThat(page.locator("[data-test=client-name]")).containsText("Бета " + tag);
		assertThat(page.locator("body")).containsText("Казань");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
