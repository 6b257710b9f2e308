package io.clientele.processes;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.RepositoryService;
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
 * An administrator draws a route map in bpmn-js and deploys it, opens a shipped map in
 * the editor on a phone, and sees an upload refused with its reason.
 */
@ClienteleIntegrationTest
class RouteMapsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	RouteMaps maps;

	@Autowired
	RepositoryService repository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
	}

	@Test
	void a_map_drawn_in_the_editor_is_saved_as_its_first_version() {
		String key = TestUsers.unique("call-back");
		Page page = signIn("en-GB", 1280, 900);
		page.navigate(url("/admin/route-maps"));
		page.locator("[data-test=new-route-map-key]").fill(key);
		page.locator("[data-test=new-route-map-name]").fill("Call back");
		page.locator("[data-test=draw-route-map]").click();

		assertThat(page.locator("[data-test=route-map-canvas]")).hasAttribute("data-ready", "true");
		assertThat(page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=start]")).isVisible();
		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=start]").click();
		page.locator(".djs-context-pad [data-action='append.append-task']").click();
		page.keyboard().type("Call the client back");
		page.locator("[data-test=route-map-canvas] .djs-element[data-element-id=start]").click();
		assertThat(page.locator("[data-test=route-map-canvas] .djs-element.djs-shape")).hasCount(2);
		BrowserExtension.screenshot(page, "route-map-editor-drawn-desktop-en");
		page.locator("[data-test=save-route-map]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("deployed as version 1");
		assertThat(page.locator("[data-test=route-map-name]")).hasText("Call back");
		assertThat(page.locator("[data-test=route-map-version]")).hasCount(1);
		BrowserExtension.screenshot(page, "route-map-page-desktop-en");
		String deployed = new String(maps.export(key, 1), StandardCharsets.UTF_8);
		assertThat(deployed).as("a plain task becomes an action")
			.contains("<userTask ", "name=\"Call the client back\"");
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).singleResult().getName())
			.isEqualTo("Call back");
	}

	@Test
	void a_shipped_map_opens_in_the_editor_on_a_phone_and_saves_as_a_new_version() {
		int before = maps.detail("complaint-handling").latestVersion();
		Page page = signIn("ru-RU", 390, 844);
		page.navigate(url("/admin/route-maps"));
		assertThat(page.locator("[data-test=route-map-row][data-key=standard-sale]"))
			.containsText("Стандартная продажа");
		BrowserExtension.screenshot(page, "route-maps-phone-ru");
		page.navigate(url("/admin/route-maps/complaint-handling"));
		page.locator("[data-test=edit-latest]").click();

		assertThat(page.locator("[data-test=route-map-canvas]")).hasAttribute("data-ready", "true");
		assertThat(page.locator(".djs-element[data-element-id=justified]")).hasCount(1);
		assertThat(page.locator(".djs-element[data-element-id=overdue]")).hasCount(1);
		BrowserExtension.screenshot(page, "route-map-editor-phone-ru");
		page.locator("[data-test=save-route-map]").click();

		assertThat(page.locator("[data-test=notice]")).containsText("Обработка жалобы");
		assertThat(page.locator("[data-test=route-map-version]")).hasCount(before + 1);
		BrowserExtension.screenshot(page, "route-map-page-phone-ru");
	}

	@Test
	void an_upload_that_is_not_bpmn_is_refused_with_its_reason_on_the_page() {
		Page page = signIn("ru-RU", 390, 844);
		page.navigate(url("/admin/route-maps"));
		page.locator("[data-test=route-map-file]")
			.setInputFiles(new FilePayload("price.xml", "application/xml",
					"<price><item>Станок</item></price>".getBytes(StandardCharsets.UTF_8)));
		page.locator("[data-test=upload-route-map]").click();

		assertThat(page.locator("[data-test=routemap-problems]")).containsText("Файл не принят");
		assertThat(page.locator("[data-test=routemap-problem]")).containsText("его корневой элемент price");
		BrowserExtension.screenshot(page, "route-map-refused-phone-ru");
	}

	private Page signIn(String language, int width, int height) {
		Page page = browser.newPage(language, width, height);
		page.navigate(url("/login"));
		page.locator("#username").fill(admin.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		return page;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
