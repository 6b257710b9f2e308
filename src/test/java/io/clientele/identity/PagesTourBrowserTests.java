package io.clientele.identity;

import java.util.List;

import com.microsoft.playwright.Page;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the foundation, in both languages, on a desktop and on a phone: it opens,
 * every text is translated, and nothing is wider than the screen. The screenshots are
 * kept in {@code target/screenshots} for a person to look at.
 */
@ClienteleIntegrationTest
class PagesTourBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	io.clientele.activities.Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	io.clientele.clients.ClientService clients;

	@Autowired
	io.clientele.clients.ContactService contacts;

	@Autowired
	io.clientele.clients.Segments segments;

	@Autowired
	io.clientele.shared.customfields.CustomFields customFields;

	@Autowired
	io.clientele.clients.DuplicateScan duplicateScan;

	@Autowired
	io.clientele.deals.DealService deals;

	@Autowired
	io.clientele.deals.SalesScenarios scenarios;

	@Autowired
	io.clientele.processes.Instructions instructions;

	@ParameterizedTest(name = "{0} at {1} px")
	@CsvSource({ "ru, 1280", "en, 1280", "ru, 375", "en, 375" })
	void every_page_opens_translated_and_fits_the_screen(String language, int width) {
		var users = new TestUsers(jdbc, encoder);
		var admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		var someone = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		long type = segments.createType(TestUsers.unique("Регион"));
		long segment = segments.create(type, "Северо-Запад");
		customFields.define("CLIENT",
				new io.clientele.shared.customfields.CustomFields.Definition(TestUsers.unique("Канал"),
						io.clientele.shared.customfields.CustomFieldType.CHOICE, false, List.of("Выставка", "Сайт"),
						true));
		long client = clients.create(io.clientele.clients.TourFixtures.organisation("ООО «Тест Тур»", segment), admin);
		long person = clients.create(io.clientele.clients.TourFixtures.person(), admin);
		long contact = contacts.create(io.clientele.clients.TourFixtures.contact(client), admin);
		long twin = clients.create(io.clientele.clients.TourFixtures.organisation("Test Tour LLC", segment), admin);
		long deal = deals.create(new io.clientele.deals.DealDraft(client, null, "Поставка оборудования", "Описание",
				null, scenarios.active().get(0).id(), null, null, new java.math.BigDecimal("150000"), "RUB", null, null,
				null, null, List.of(), List.of("опт"), List.of(), java.util.Map.of()), admin);
		long instruction = instructions
			.give(new io.clientele.processes.InstructionDraft("Подготовить коммерческое предложение", "Подробности",
					someone.id(), java.time.LocalDate.now().plusDays(2), null, null, null, null, deal), admin);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(duplicateScan::run);
		List<String> pages = List.of("/", "/account", "/account/password", "/account/tokens", "/account/deputies",
				"/admin/users/" + someone.id() + "/deputies", "/admin/departments",
				"/admin/departments/" + someone.departmentId(), "/admin/users", "/admin/users/new",
				"/admin/users/" + someone.id(), "/clients", "/clients?group=kind&f.kind=ORGANISATION",
				"/clients/" + client, "/clients/" + client + "/edit", "/clients/" + person, "/clients/new",
				"/clients/new?kind=INDIVIDUAL", "/contacts/" + contact, "/contacts/" + contact + "/edit",
				"/clients/" + client + "/contacts/new", "/clients/" + client + "/contacts/link?q=a",
				"/clients/" + client + "/legal-entities/new", "/clients/reassign?from=" + admin.id(), "/recycle-bin",
				"/contacts", "/contacts?q=Сидорова", "/admin/segments?user=" + someone.id(), "/admin/custom-fields",
				"/admin/required-fields", "/leads", "/leads/new", "/admin/leads", "/search?q=Сидор", "/imports",
				"/duplicates", "/duplicates?type=contact", "/duplicates?type=merges",
				"/duplicates/merge?type=client&ids=" + client + "," + twin, "/deals", "/deals/" + deal,
				"/deals/" + deal + "/edit", "/deals/new?clientId=" + client, "/deals/board", "/admin/scenarios",
				"/reports/funnel", "/notifications", "/calendar", "/calendar/rooms", "/instructions",
				"/instructions?view=GIVEN", "/instructions/new", "/instructions/new?dealId=" + deal,
				"/instructions/" + instruction, "/no-such-page");
		notifications.notify(admin.id(), "reminder", "Позвонить в «Тест Тур»", null, "/clients/" + client);

		Page page = browser.newPage(language, width, 800);
		page.navigate(url("/login"));
		shoot(page, "login", language, width);
		page.locator("#username").fill(admin.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.waitForURL(url("/"));

		for (String path : pages) {
			var response = page.navigate(url(path));
			assertThat(response.status()).as(path + " answers").isEqualTo(path.equals("/no-such-page") ? 404 : 200);
			String text = page.locator("body").innerText();
			assertThat(text).as(path + " has every text translated").doesNotContain("??");
			assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
				.as(path + " fits " + width + " px")
				.isLessThanOrEqualTo(width);
			shoot(page, path, language, width);
		}
	}

	private static void shoot(Page page, String path, String language, int width) {
		String name = path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		BrowserExtension.screenshot(page, "tour-" + (name.isEmpty() ? "home" : name) + "-" + language + "-" + width);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
