package io.clientele.reports;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.BrowserExtension;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A head of sales on a phone, in Russian, reads the funnel of their department: the open
 * deals and the closed ones as tables and charts, the losses; then attaches a file to a
 * deal and sees its probability estimate.
 */
@ClienteleIntegrationTest
class FunnelBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void a_head_reads_the_funnel_on_a_phone_in_russian(@TempDir Path files) throws Exception {
		var users = new TestUsers(jdbc, encoder);
		long department = users.department("Продажи", users.rootDepartment());
		CurrentUser head = users.user(Role.HEAD_OF_DEPARTMENT, department);
		CurrentUser manager = users.user(Role.SALES_MANAGER, department);
		long scenario = scenarios.createScenario(TestUsers.unique("Оборудование"));
		long first = scenarios.addStage(scenario, "Первичный контакт", 10, 7);
		long second = scenarios.addStage(scenario, "Коммерческое предложение", 40, null);
		long third = scenarios.addStage(scenario, "Переговоры", 70, null);
		long reason = scenarios.addLossReason(TestUsers.unique("Выбрали конкурента"));
		long client = clients.create(new ClientDraft(ClientKind.ORGANISATION, TestUsers.unique("ООО «Вектор»"), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of()), manager);
		long last = 0;
		for (int i = 0; i < 12; i++) {
			long deal = deals.create(new DealDraft(client, null, "Поставка № " + i, null, "Поставка", scenario, null,
					DealMode.MANUAL_STAGES, new BigDecimal(150_000 + i * 25_000), "RUB", null, null, null, null,
					List.of(), List.of(), List.of(), Map.of()), manager);
			if (i % 2 == 0) {
				progress.move(deal, second, deals.card(deal, manager).version(), manager);
			}
			if (i % 3 == 0) {
				progress.move(deal, third, deals.card(deal, manager).version(), manager);
			}
			if (i < 4) {
				progress.win(deal, deals.card(deal, manager).version(), manager);
			}
			else if (i < 7) {
				progress.lose(deal, reason, null, deals.card(deal, manager).version(), manager);
			}
			last = deal;
		}

		Page page = browser.newPage("ru-RU", 390, 844);
		page.navigate(url("/login"));
		page.locator("#username").fill(head.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.navigate(url("/reports/funnel?scenario=" + scenario));

		assertThat(page.locator("h1")).hasText("Воронка продаж");
		assertThat(page.locator("[data-test=funnel-open-row]")).hasCount(3);
		assertThat(page.locator("[data-test=funnel-open-row] [data-test=open-deals]"))
			.hasText(new String[] { "2", "2", "1" });
		assertThat(page.locator("[data-test=funnel-closed-row] [data-test=closed-entered]"))
			.hasText(new String[] { "7", "4", "3" });
		assertThat(page.locator("[data-test=funnel-overall]")).containsText("выиграно 4");
		assertThat(page.locator("[data-test=funnel-loss-row]")).hasCount(3);
		page.waitForFunction(
				"() => window.Chart && Chart.getChart(document.querySelector('[data-funnel-chart=open]'))");
		org.assertj.core.api.Assertions.assertThat(page.evaluate("() => document.documentElement.scrollWidth"))
			.as("no sideways scrolling")
			.isEqualTo(390);
		BrowserExtension.screenshot(page, "funnel-phone-ru");
		page.locator("[data-test=funnel-closed]").scrollIntoViewIfNeeded();
		BrowserExtension.screenshot(page, "funnel-closed-phone-ru");

		page.navigate(url("/deals/" + last));
		assertThat(page.locator("[data-test=probability-estimate]")).containsText("Оценка 57%");
		Path offer = files.resolve("Коммерческое предложение.pdf");
		Files.writeString(offer, "%PDF-1.4\n%%EOF\n");
		page.locator("[data-test=attachment-file]").setInputFiles(offer);
		page.locator("[data-test=attachment-submit]").click();
		assertThat(page.locator("[data-test=notice]")).containsText("Файл прикреплён");
		assertThat(page.locator("[data-test=attachment-link]")).hasText("Коммерческое предложение.pdf");
		page.locator("[data-test=accept-estimate]").click();
		assertThat(page.locator("[data-test=deal-probability]")).containsText("57%");
		page.locator("[data-test=attachments]").scrollIntoViewIfNeeded();
		BrowserExtension.screenshot(page, "deal-files-and-estimate-phone-ru");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
