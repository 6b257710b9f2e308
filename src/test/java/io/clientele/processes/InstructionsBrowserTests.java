package io.clientele.processes;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
 * An author gives an instruction from the form (reached from the navigation, or from a
 * client's card, which then lists it); the executor finds its step in "My tasks", accepts
 * it and reports; the author returns it (a return without a comment is refused), the
 * executor reports again, and the author accepts the result: in Russian on a phone and in
 * English on a desktop.
 */
@ClienteleIntegrationTest
class InstructionsBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser author;

	CurrentUser executor;

	long client;

	@Autowired
	io.clientele.clients.ClientService clients;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		author = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		executor = users.user(Role.SALES_MANAGER, sales);
		client = clients.create(new io.clientele.clients.ClientDraft(io.clientele.clients.ClientKind.ORGANISATION,
				TestUsers.unique("ООО Альфа"), null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
				java.util.List.of(), java.util.List.of(), java.util.List.of(), null, java.util.Map.of()), author);
	}

	@Test
	void an_instruction_is_returned_once_and_then_accepted_in_russian_on_a_phone() {
		run(new Texts("ru-RU", 390, 844, "phone-ru", "Выдано", "Принято", "На проверке", "Возвращено", "Выполнено",
				"Напишите комментарий", "Принять поручение", "Проверить результат"), false);
	}

	@Test
	void an_instruction_is_returned_once_and_then_accepted_in_english_on_a_desktop() {
		run(new Texts("en-GB", 1280, 900, "desktop-en", "Given", "Accepted", "Reported", "Returned", "Done",
				"Write a comment", "Принять поручение", "Проверить результат"), true);
	}

	private record Texts(String language, int width, int height, String suffix, String given, String accepted,
			String reported, String returned, String done, String commentRequired, String acceptStep,
			String checkStep) {
	}

	private void run(Texts t, boolean throughNavigation) {
		String title = TestUsers.unique("Прайс для Альфы");
		Page boss = signIn(author, t);
		if (throughNavigation) {
			boss.locator("a[href='/instructions']").first().click();
			boss.locator("[data-test=new-instruction]").click();
		}
		else {
			boss.navigate(url("/clients/" + client));
			boss.locator("[data-test=record-give-instruction]").click();
			assertThat(boss.locator("[data-test=instruction-form-client]")).containsText("ООО Альфа");
		}
		boss.locator("[data-test=instruction-title]").fill(title);
		boss.locator("[data-test=instruction-description]").fill("Обновить цены на IV квартал");
		boss.locator("[data-test=instruction-executor]").selectOption(String.valueOf(executor.id()));
		boss.locator("[data-test=instruction-due]").fill("2030-03-20");
		boss.locator("[data-test=instruction-due-time]").fill("12:00");
		BrowserExtension.screenshot(boss, "instruction-form-" + t.suffix());
		boss.locator("[data-test=give-instruction]").click();
		assertThat(boss.locator("[data-test=instruction-title]")).hasText(title);
		assertThat(boss.locator("[data-test=instruction-state]")).hasText(t.given());
		String path = boss.url().substring(boss.url().indexOf("/instructions/"));

		Page worker = signIn(executor, t);
		worker.navigate(url("/my-tasks"));
		Locator step = worker.locator("[data-test=task-link]", new Page.LocatorOptions().setHasText(title));
		assertThat(step).containsText(t.acceptStep());
		BrowserExtension.screenshot(worker, "instruction-my-tasks-" + t.suffix());
		step.click();
		assertThat(worker.locator("[data-test=instruction-title]")).hasText(title);
		worker.locator("[data-test=instruction-accept]").click();
		assertThat(worker.locator("[data-test=instruction-state]")).hasText(t.accepted());
		worker.locator("[data-test=instruction-report-text]").fill("Цены обновлены");
		worker.locator("[data-test=instruction-report]").click();
		assertThat(worker.locator("[data-test=instruction-state]")).hasText(t.reported());

		boss.navigate(url("/my-tasks"));
		Locator check = boss.locator("[data-test=task-link]", new Page.LocatorOptions().setHasText(title));
		assertThat(check).containsText(t.checkStep());
		check.click();
		assertThat(boss.locator("[data-test=instruction-event-2]")).containsText("Цены обновлены");
		boss.locator("[data-test=instruction-return]").click();
		assertThat(boss.locator("[data-test=failure]")).containsText(t.commentRequired());
		boss.locator("[data-test=instruction-return-comment]").fill("Добавьте оптовые цены");
		boss.locator("[data-test=instruction-return]").click();
		assertThat(boss.locator("[data-test=instruction-state]")).hasText(t.returned());

		worker.navigate(url(path));
		assertThat(worker.locator("[data-test=instruction-last-return]")).containsText("Добавьте оптовые цены");
		BrowserExtension.screenshot(worker, "instruction-returned-" + t.suffix());
		worker.locator("[data-test=instruction-report-text]").fill("Оптовые цены добавлены");
		worker.locator("[data-test=instruction-report]").click();
		assertThat(worker.locator("[data-test=instruction-state]")).hasText(t.reported());

		boss.navigate(url(path));
		BrowserExtension.screenshot(boss, "instruction-check-" + t.suffix());
		boss.locator("[data-test=instruction-accept-result]").click();
		assertThat(boss.locator("[data-test=instruction-state]")).hasText(t.done());
		assertThat(boss.locator("[data-test^=instruction-event-]")).hasCount(6);
		assertThat(boss.locator("[data-test=instruction-event-3]")).containsText("Добавьте оптовые цены");
		assertThat(boss.locator("[data-test=instruction-event-4]")).containsText("Оптовые цены добавлены");
		BrowserExtension.screenshot(boss, "instruction-done-" + t.suffix());

		if (!throughNavigation) {
			assertThat(boss.locator("[data-test=instruction-client]")).containsText("ООО Альфа");
			boss.locator("[data-test=instruction-client]").click();
			assertThat(boss.locator("[data-test=record-instructions]")).containsText(title);
			boss.locator("[data-test=record-instructions]").scrollIntoViewIfNeeded();
			BrowserExtension.screenshot(boss, "instruction-client-card-" + t.suffix());
		}
		boss.navigate(url("/instructions?view=GIVEN&state=DONE"));
		assertThat(boss.locator("[data-test=instruction-list]")).containsText(title);
		BrowserExtension.screenshot(boss, "instruction-list-" + t.suffix());
	}

	private Page signIn(CurrentUser user, Texts t) {
		Page page = browser.newPage(t.language(), t.width(), t.height());
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
