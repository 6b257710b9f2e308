package io.clientele.identity;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an administrator does on the first day, in a real browser.
 */
@ClienteleIntegrationTest
class FoundationBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	@BeforeEach
	void administratorWithOneTimePassword() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		jdbc.sql("update users set must_change_password = true where id = ?").param(admin.id()).update();
	}

	@Test
	void an_administrator_sets_up_a_department_and_a_user_who_then_works_in_russian() {
		Page page = browser.newPage("en-US", 1280, 900);
		signIn(page, admin.getUsername(), TestUsers.PASSWORD);

		// First sign-in: the own password before anything else.
		assertThat(page.locator("[data-test=password-forced]")).isVisible();
		changePassword(page, TestUsers.PASSWORD, "administrator's own phrase");
		assertThat(page.locator("[data-test=notice]")).hasText("Your password has been changed.");
		assertThat(page.locator("[data-test=greeting]")).hasText("Hello, " + admin.displayName());

		// A department under the company.
		String department = TestUsers.unique("Retail sales");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Departments")).first().click();
		page.locator("#name").fill(department);
		page.locator("[data-test=create-department]").click();
		assertThat(page.locator("[data-test=notice]")).hasText("The department has been created.");
		assertThat(page.locator("[data-test=department-tree]")).containsText(department);

		// A user in it, with a one-time password shown once.
		String username = TestUsers.unique("olga");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).first().click();
		page.locator("[data-test=new-user]").click();
		page.locator("#username").fill(username);
		page.locator("#fullName").fill("Ольга Смирнова");
		page.locator("#email").fill(username + "@example.com");
		page.locator("#departmentId")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("— " + department));
		page.locator("#role").selectOption("MARKETER");
		page.locator("[data-test=save-user]").click();
		assertThat(page.locator("[data-test=notice]")).hasText("The user has been created.");
		String oneTimePassword = page.locator("[data-test=temporary-password]").textContent().strip();
		BrowserExtension.screenshot(page, "user-created-en");

		signOut(page);
		assertThat(page.locator("[data-test=signed-out]")).hasText("You have signed out.");

		// The new user signs in, chooses a password and switches to Russian.
		signIn(page, username, oneTimePassword);
		changePassword(page, oneTimePassword, "olga's secret phrase");
		assertThat(page.locator("[data-test=my-role]")).hasText("Marketer");
		assertThat(page.locator("[data-test=my-department]")).hasText(department);
		page.locator("[data-test=language-menu]").first().click();
		page.locator("[data-test=language-ru]").first().click();
		assertThat(page.locator("[data-test=greeting]")).hasText("Здравствуйте, Ольга Смирнова");
		assertThat(page.locator("[data-test=my-role]")).hasText("Маркетолог");
		BrowserExtension.screenshot(page, "home-ru");
		signOut(page);

		// The choice belongs to the user: in another browser, English by default, it is
		// back.
		Page elsewhere = browser.newPage("en-US", 1280, 900);
		signIn(elsewhere, username, "olga's secret phrase");
		assertThat(elsewhere.locator("[data-test=greeting]")).hasText("Здравствуйте, Ольга Смирнова");
	}

	@Test
	void the_pages_work_at_phone_width() {
		jdbc.sql("update users set must_change_password = false where id = ?").param(admin.id()).update();
		Page page = browser.newPage("ru-RU", 375, 740);
		page.navigate(url("/login"));
		BrowserExtension.screenshot(page, "sign-in-phone-ru");
		signIn(page, admin.getUsername(), TestUsers.PASSWORD);
		assertThat(page.locator("[data-test=greeting]")).isVisible();
		assertThat(page.locator("#sidebar-menu")).not().isVisible();

		page.locator(".navbar-toggler").click();
		// opened all the way (no longer sliding open), so that the link is where it is
		// clicked
		assertThat(page.locator("#sidebar-menu")).hasClass(Pattern.compile("(^|\\s)show(\\s|$)"));
		assertThat(page.locator("#sidebar-menu").getByText("Пользователи")).isVisible();
		page.locator("#sidebar-menu").getByText("Пользователи").click();
		assertThat(page.locator("[data-test=users-table]")).isVisible();
		BrowserExtension.screenshot(page, "users-phone-ru");
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
	}

	private void signIn(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("[data-test=sign-in]").click();
	}

	private void changePassword(Page page, String current, String chosen) {
		page.locator("#currentPassword").fill(current);
		page.locator("#newPassword").fill(chosen);
		page.locator("#repeatPassword").fill(chosen);
		page.locator("[data-test=save-password]").click();
	}

	private void signOut(Page page) {
		page.locator("[data-test=user-menu]").locator("visible=true").first().click();
		page.locator("[data-test=sign-out]").locator("visible=true").first().click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
