package io.clientele.clients;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
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
 * A manager's day with the client base, in a real browser.
 */
@ClienteleIntegrationTest
class ClientsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	CustomFields customFields;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	String tier;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		tier = TestUsers.unique("Tier");
		customFields.define("CLIENT",
				new CustomFields.Definition(tier, CustomFieldType.CHOICE, false, List.of("Gold", "Silver"), true));
	}

	@Test
	void an_organisation_with_a_contact_and_an_extra_field_is_found_through_a_saved_view_edited_and_its_history_shows_it() {
		Page page = browser.newPage("en-GB", 1280, 900);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		// A new organisation with an extra field's value.
		String name = TestUsers.unique("Northwind Trading");
		page.locator("#sidebar-menu a[href='/clients']").click();
		page.locator("[data-test=new-organisation]").click();
		page.locator("#name").fill(name);
		page.locator("#inn").fill("7707083893");
		page.locator("[data-test=add-phone]").click();
		page.locator("input[name='phones[0].number']").fill("8 (495) 765-43-21");
		page.getByLabel(tier).selectOption(new SelectOption().setLabel("Gold"));
		page.locator("[data-test=save-client]").click();
		assertThat(page.locator("[data-test=notice]")).hasText("The client has been created.");
		assertThat(page.locator("[data-test=client-name]")).containsText(name);
		assertThat(page.locator("[data-test=phone]")).hasText("+7 495 765-43-21");
		assertThat(page.locator("[data-test^=custom-]")).hasText("Gold");

		// Its contact person.
		page.locator("[data-test=add-contact]").click();
		page.locator("#lastName").fill("Fuller");
		page.locator("#firstName").fill("Andrew");
		page.locator("#position0").fill("Vice President, Sales");
		page.locator("[data-test=save-contact]").click();
		assertThat(page.locator("[data-test=contacts]")).containsText("Fuller Andrew");
		assertThat(page.locator("[data-test=contacts]")).containsText("Vice President, Sales");

		// A saved view that finds it.
		page.navigate(url("/clients"));
		page.locator("[data-test=quick-filter]").fill("Northwind");
		page.locator("[data-test=apply-filters]").click();
		page.locator("[data-test=save-view-menu]").click();
		page.locator("[data-test=view-name]").fill("Northwind accounts");
		page.locator("[data-test=save-view]").click();
		assertThat(page.locator("[data-test=list-title]")).hasText("Northwind accounts");
		page.navigate(url("/"));
		page.locator("#sidebar-menu").getByText("Northwind accounts").click();
		Locator row = page.locator("[data-test=client-row]").filter(new Locator.FilterOptions().setHasText(name));
		assertThat(row).isVisible();
		assertThat(row).containsText("Gold");

		// An edit, and the history that shows it.
		row.getByText(name).click();
		page.locator("[data-test=edit-client]").click();
		page.locator("#name").fill(name + " Ltd");
		page.locator("[data-test=save-client]").click();
		assertThat(page.locator("[data-test=client-name]")).containsText(name + " Ltd");
		Locator change = page.locator("[data-test=history-entry]")
			.filter(new Locator.FilterOptions().setHasText("changed"));
		awaitAfterReloads(page, change);
		assertThat(change.first()).containsText(name + " → " + name + " Ltd");
		BrowserExtension.screenshot(page, "client-card-history-en");
	}

	/** The history is written right after the change commits; a reload shows it. */
	private static void awaitAfterReloads(Page page, Locator locator) {
		for (int attempt = 0; attempt < 20 && locator.count() == 0; attempt++) {
			page.reload();
			page.waitForLoadState();
		}
		assertThat(locator.first()).isVisible();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
