package io.clientele.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A manager going on holiday names a colleague as their deputy on the deputies page, at a
 * desktop; the colleague, on a phone, sees for whom they stand in, and the change they
 * make to the absent manager's client reads "Deputy for Absent" on the client's card.
 */
@ClienteleIntegrationTest
class DeputiesBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	Deputies deputies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser absent;

	CurrentUser deputy;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		absent = users.user(Role.SALES_MANAGER, sales);
		deputy = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void a_manager_names_a_deputy_on_the_page_and_the_deputys_change_reads_as_done_for_them() {
		String name = TestUsers.unique("ООО Отпуск");
		long client = clients.create(client(name), absent);
		LocalDate today = deputies.today();

		Page desk = signIn(absent, "en-GB", 1280, 900);
		desk.navigate(url("/account"));
		desk.locator("[data-test=account-deputies]").click();
		assertThat(desk.locator("[data-test=stand-ins]")).containsText("Nobody stands in for you");
		BrowserExtension.screenshot(desk, "deputies-empty-desktop-en");

		desk.locator("[data-test=deputy-person]").selectOption(String.valueOf(deputy.id()));
		desk.locator("[data-test=deputy-starts]").fill(today.plusDays(3).toString());
		desk.locator("[data-test=deputy-ends]").fill(today.toString());
		desk.locator("[data-test=name-deputy]").click();
		assertThat(desk.locator("[data-test=error-endsOn]")).containsText("its end not before its start");
		BrowserExtension.screenshot(desk, "deputies-refused-desktop-en");

		desk.locator("[data-test=deputy-starts]").fill(today.toString());
		desk.locator("[data-test=deputy-ends]").fill(today.plusDays(13).toString());
		desk.locator("[data-test=name-deputy]").click();
		assertThat(desk.locator("[data-test=notice]")).hasText("The deputy is named.");
		assertThat(desk.locator("[data-test=stand-in] [data-test=deputyship-person]")).hasText(deputy.displayName());
		assertThat(desk.locator("[data-test=stand-in] [data-test=deputyship-now]")).isVisible();
		BrowserExtension.screenshot(desk, "deputies-named-desktop-en");

		Page phone = signIn(deputy, "ru-RU", 390, 844);
		phone.navigate(url("/account/deputies"));
		assertThat(phone.locator("[data-test=standing-for-row] [data-test=deputyship-person]"))
			.hasText(absent.displayName());
		assertThat(phone.locator("[data-test=standing-for-row] [data-test=end-deputyship]")).hasCount(0);
		BrowserExtension.screenshot(phone, "deputies-standing-for-phone-ru");

		clients.update(client, client(name + " (Москва)"), clients.card(client, deputy).version(), deputy);
		phone.navigate(url("/clients/" + client));
		assertThat(phone.locator("[data-test=history-acted-for]").first())
			.hasText(deputy.displayName() + " за сотрудника " + absent.displayName());
		BrowserExtension.screenshot(phone, "deputies-acted-for-client-phone-ru");

		desk.onceDialog(Dialog::accept);
		desk.locator("[data-test=stand-in] [data-test=end-deputyship]").click();
		assertThat(desk.locator("[data-test=notice]")).hasText("The deputyship is ended.");
		assertThat(desk.locator("[data-test=stand-in]")).hasCount(0);
		org.assertj.core.api.Assertions.assertThat(phone.reload().status())
			.as("the deputy no longer sees the client")
			.isEqualTo(404);
		assertThat(phone.locator("[data-test=error-title]")).isVisible();
	}

	@Test
	void the_deputies_page_fits_a_phone() {
		deputies.name(absent.id(), deputy.id(), deputies.today().plusDays(10), deputies.today().plusDays(24), absent);
		Page phone = signIn(absent, "en-GB", 390, 844);
		phone.navigate(url("/account/deputies"));
		assertThat(phone.locator("[data-test=stand-in] [data-test=deputyship-planned]")).isVisible();
		BrowserExtension.screenshot(phone, "deputies-planned-phone-en");
		Page deskRu = signIn(absent, "ru-RU", 1280, 900);
		deskRu.navigate(url("/account/deputies"));
		assertThat(deskRu.locator("[data-test=stand-in] [data-test=deputyship-planned]")).hasText("Запланировано");
		BrowserExtension.screenshot(deskRu, "deputies-planned-desktop-ru");
	}

	private Page signIn(CurrentUser user, String language, int width, int height) {
		Page page = browser.newPage(language, width, height);
		page.navigate(url("/login"));
		page.locator("#username").fill(user.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static ClientDraft client(String name) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), null, Map.of());
	}

}
