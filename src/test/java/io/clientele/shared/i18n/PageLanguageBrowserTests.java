package io.clientele.shared.i18n;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page declares the language it is written in, the one the user chose, even
 * in a browser set to another: sign-in and error pages, pages with the sidebar, forms
 * with date fields.
 *
 * <p>
 * How a browser shows a date field ({@code <input type=date>}) is not the page's to say:
 * Chromium formats it by its own interface language, whatever the page's {@code lang}
 * (the screenshot {@code date-field-ru-page-en-browser} shows 12/31/2026 on a Russian
 * page). A Russian browser shows 31.12.2026; this machine's Chromium has only its English
 * locale (Debian's {@code chromium-l10n} is not installed), so every screenshot here
 * shows the English form.
 */
@ClienteleIntegrationTest
class PageLanguageBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
	}

	@Test
	void every_kind_of_page_is_declared_in_the_language_the_user_chose_not_the_browsers() {
		Page page = browser.newPage("en-US", 900, 700);
		page.context().addCookies(List.of(new Cookie("clientele-lang", "ru").setDomain("localhost").setPath("/")));

		page.navigate(url("/login"));
		assertThat(language(page)).as("the sign-in page").isEqualTo("ru");
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.waitForURL(url("/"));
		assertThat(language(page)).as("the start page").isEqualTo("ru");
		page.navigate(url("/deals/999999999"));
		assertThat(language(page)).as("an error page").isEqualTo("ru");
		page.navigate(url("/deals/board"));
		assertThat(language(page)).as("a page with date fields").isEqualTo("ru");

		Locator from = page.locator("#board-from");
		from.fill("2026-12-31");
		from.screenshot(new Locator.ScreenshotOptions()
			.setPath(BrowserExtension.SCREENSHOTS.resolve("date-field-ru-page-en-browser.png")));
	}

	private static Object language(Page page) {
		return page.evaluate("document.documentElement.lang");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
