package io.clientele.activities;

import com.microsoft.playwright.Page;
import io.clientele.clients.ClientService;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The sales conveyor in the browser: a manager at a desktop hands a work item on a client
 * to a colleague; the colleague, on a phone, sees it highlighted in "My tasks", opens it
 * and hands the next step on to the service department.
 */
@ClienteleIntegrationTest
class ConveyorBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	CurrentUser colleague;

	CurrentUser service;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		service = users.user(Role.SUPPORT, users.department("Сервис", users.rootDepartment()));
	}

	@Test
	void a_work_item_handed_to_a_colleague_is_highlighted_until_opened_and_handed_on() {
		String name = TestUsers.unique("ООО Станкопром");
		long client = clients.create(TaskFixtures.client(name), manager);

		Page desk = signIn(manager, "en-GB", 1280, 900);
		desk.navigate(url("/clients/" + client));
		assertThat(desk.locator("[data-test=client-tasks]")).isVisible();
		BrowserExtension.screenshot(desk, "tasks-client-panel-empty-desktop-en");
		desk.locator("[data-test=new-work-item]").click();
		desk.locator("[data-test=task-title]").fill("Call after the exhibition");
		desk.locator("[data-test=task-executor]").selectOption(String.valueOf(colleague.id()));
		desk.locator("[data-test=task-due]").fill(java.time.LocalDate.now().toString());
		BrowserExtension.screenshot(desk, "tasks-work-item-form-desktop-en");
		desk.locator("[data-test=save-task]").click();
		assertThat(desk.locator("[data-test=task-state]")).hasText("New");
		assertThat(desk.locator("[data-test=chain-step]")).hasCount(1);
		BrowserExtension.screenshot(desk, "tasks-work-item-card-desktop-en");

		Page phone = signIn(colleague, "ru-RU", 390, 844);
		phone.navigate(url("/my-tasks"));
		assertThat(phone.locator("[data-test=group-TODAY] [data-test=task-row-attention]"))
			.containsText("Call after the exhibition");
		assertThat(phone.locator("[data-test=nav-badge]").first()).hasText("1");
		BrowserExtension.screenshot(phone, "tasks-my-tasks-attention-phone-ru");

		phone.locator("[data-test=task-row-attention] [data-test=task-link]").click();
		assertThat(phone.locator("[data-test=task-state]")).hasText("В работе");
		BrowserExtension.screenshot(phone, "tasks-work-item-opened-phone-ru");
		phone.navigate(url("/my-tasks"));
		assertThat(phone.locator("[data-test=task-row-attention]")).hasCount(0);
		assertThat(phone.locator("[data-test=group-TODAY] [data-test=task-row]")).hasCount(1);

		phone.locator("[data-test=task-link]").click();
		phone.locator("[data-test=next-executor]").selectOption(String.valueOf(service.id()));
		phone.locator("[data-test=next-title]").fill("Подключить сервис");
		phone.locator("[data-test=next-result]").fill("Клиент согласен");
		BrowserExtension.screenshot(phone, "tasks-next-step-form-phone-ru");
		phone.locator("[data-test=create-next]").click();
		assertThat(phone.locator("[data-test=notice]")).containsText("Следующий шаг передан");
		assertThat(phone.locator("[data-test=task-title]")).hasText("Подключить сервис");
		assertThat(phone.locator("[data-test=chain-step]")).hasCount(2);
		assertThat(phone.locator("[data-test=chain-executor]").nth(1)).hasText(service.displayName());
		BrowserExtension.screenshot(phone, "tasks-chain-phone-ru");

		desk.navigate(url("/clients/" + client));
		assertThat(desk.locator("[data-test=client-tasks] [data-test=chain-step]")).hasCount(2);
		BrowserExtension.screenshot(desk, "tasks-client-panel-chain-desktop-en");
		desk.navigate(url("/my-tasks"));
		BrowserExtension.screenshot(desk, "tasks-my-tasks-desktop-en");

		Page deskRu = signIn(service, "ru-RU", 1280, 900);
		deskRu.navigate(url("/my-tasks"));
		assertThat(deskRu.locator("[data-test=task-row-attention]")).containsText("Подключить сервис");
		BrowserExtension.screenshot(deskRu, "tasks-my-tasks-desktop-ru");
		Page phoneEn = signIn(manager, "en-GB", 390, 844);
		phoneEn.navigate(url("/my-tasks"));
		BrowserExtension.screenshot(phoneEn, "tasks-my-tasks-phone-en");
	}

	@Test
	void show_more_adds_the_next_tasks_of_a_group_and_they_can_be_completed() {
		for (int i = 1; i <= MyTasks.ROWS + 2; i++) {
			tasks.create(TaskFixtures.task("Звонок " + i), manager);
		}
		Page phone = signIn(manager, "ru-RU", 390, 844);
		phone.navigate(url("/my-tasks"));
		var group = phone.locator("[data-test=group-NO_DEADLINE]");
		assertThat(group.locator("[data-test=task-row]")).hasCount(MyTasks.ROWS);
		BrowserExtension.screenshot(phone, "tasks-my-tasks-show-more-phone-ru");

		group.locator("[data-test=group-more-button]").click();

		assertThat(group.locator("[data-test=task-row]")).hasCount(MyTasks.ROWS + 2);
		assertThat(group.locator("[data-test=group-more]")).hasCount(0);
		group.locator("[data-test=task-row]").last().locator("[data-test=quick-complete]").click();
		assertThat(phone.locator("[data-test=group-DONE] [data-test=task-row]")).hasCount(1);
	}

	@Test
	void ticked_tasks_are_given_to_a_colleague_from_the_bulk_bar() {
		long first = tasks.create(TaskFixtures.task("Сверить остатки"), manager);
		long second = tasks.create(TaskFixtures.task("Обзвонить склад"), manager);
		tasks.create(TaskFixtures.task("Остаётся у меня"), manager);
		Page desk = signIn(manager, "en-GB", 1280, 900);
		desk.navigate(url("/my-tasks"));
		assertThat(desk.locator("[data-test=bulk-form]")).isHidden();

		desk.locator("[data-test=task-row]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Сверить остатки"))
			.locator("[data-test=task-choose]")
			.check();
		desk.locator("[data-test=task-row]")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Обзвонить склад"))
			.locator("[data-test=task-choose]")
			.check();
		assertThat(desk.locator("[data-test=bulk-form]")).isVisible();
		assertThat(desk.locator("[data-test=bulk-to] option[value='" + colleague.id() + "']")).hasCount(1);
		BrowserExtension.screenshot(desk, "tasks-my-tasks-bulk-bar-desktop-en");
		desk.locator("[data-test=bulk-to]").selectOption(String.valueOf(colleague.id()));
		desk.locator("[data-test=bulk-reassign]").click();

		assertThat(desk.locator("[data-test=task-row]")).hasCount(1);
		assertThat(desk.locator("[data-test=task-row]")).containsText("Остаётся у меня");
		org.assertj.core.api.Assertions
			.assertThat(jdbc.sql("select executor_id from tasks where id in (?, ?)")
				.params(first, second)
				.query(Long.class)
				.list())
			.containsOnly(colleague.id());
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

}
