package io.clientele.deals;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deal board in real browsers: a manager drags a card to the next stage and their
 * head, watching the same board in another browser, sees it move without reloading, while
 * a manager of another department is told nothing; a drag the checklist refuses puts the
 * card back with the reason. On a phone, in Russian, the card's "move to" list does the
 * same.
 */
@ClienteleIntegrationTest
class DealBoardBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	DealProgress progress;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser otherDepartment;

	DealFixtures fixtures;

	long deal;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, users.department("North", sales));
		otherDepartment = users.user(Role.SALES_MANAGER, users.department("South", sales));
		fixtures = new DealFixtures(scenarios);
		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Канбан")), manager);
		deal = deals.create(fixtures.draft(client, "Поставка станков"), manager);
		long strangersClient = clients.create(DealFixtures.client(TestUsers.unique("ООО Юг")), otherDepartment);
		deals.create(fixtures.draft(strangersClient, "Южная сделка"), otherDepartment);
	}

	@Test
	void a_dragged_card_moves_on_the_heads_board_live_and_a_refused_drag_snaps_back() {
		Page managers = board(manager, "en-GB", 1280);
		Page heads = board(head, "en-GB", 1280);
		Page strangers = board(otherDepartment, "en-GB", 1280);
		List<String> strangersColumnRequests = new ArrayList<>();
		strangers.onRequest(request -> {
			if (request.url().contains("/deals/board/column")) {
				strangersColumnRequests.add(request.url());
			}
		});
		assertThat(card(heads, fixtures.first)).hasCount(1);
		assertThat(strangers.locator("[data-deal='" + deal + "']")).hasCount(0);
		waitForLive(heads);
		waitForLive(strangers);

		card(managers, fixtures.first).dragTo(cards(managers, fixtures.second));

		assertThat(card(managers, fixtures.second)).hasCount(1);
		assertThat(card(heads, fixtures.second)).hasCount(1);
		assertThat(card(heads, fixtures.first)).hasCount(0);
		assertThat(column(heads, fixtures.second).locator("[data-test=column-count]")).hasText("1");
		assertThat(column(heads, fixtures.second).locator("[data-test=column-amount]")).containsText("100");
		BrowserExtension.screenshot(heads, "board-live-moved-desktop-en");

		card(managers, fixtures.second).dragTo(cards(managers, fixtures.third));

		assertThat(managers.locator("[data-test=board-message]")).isVisible();
		assertThat(managers.locator("[data-test=board-message]")).containsText("Before leaving");
		assertThat(managers.locator("[data-test=board-message]")).containsText("Известен бюджет");
		assertThat(card(managers, fixtures.second)).hasCount(1);
		assertThat(card(managers, fixtures.third)).hasCount(0);
		BrowserExtension.screenshot(managers, "board-drag-refused-desktop-en");
		assertThat(card(heads, fixtures.second)).hasCount(1);
		assertThat(strangersColumnRequests).as("the other department's board heard nothing").isEmpty();
		assertThat(strangers.locator("[data-test=board-card]")).hasCount(1);
	}

	@Test
	void on_a_phone_in_russian_a_card_moves_with_its_list_and_a_refusal_is_explained() {
		Page page = board(manager, "ru-RU", 390);
		assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
		BrowserExtension.screenshot(page, "board-phone-ru");

		card(page, fixtures.first).locator("[data-test=card-move]").selectOption(Long.toString(fixtures.second));
		assertThat(card(page, fixtures.second)).hasCount(1);

		card(page, fixtures.second).locator("[data-test=card-move]").selectOption(Long.toString(fixtures.fourth));
		assertThat(page.locator("[data-test=board-message]")).isVisible();
		assertThat(page.locator("[data-test=board-message]")).containsText("Перед уходом с этапа «Потребности»");
		assertThat(card(page, fixtures.second)).hasCount(1);
		assertThat(card(page, fixtures.fourth)).hasCount(0);
		page.locator("[data-test=board-message]").scrollIntoViewIfNeeded();
		BrowserExtension.screenshot(page, "board-move-refused-phone-ru");
	}

	@Test
	void the_deal_card_shows_a_move_made_elsewhere_without_reloading_and_acts_on_it() {
		Page card = board(manager, "en-GB", 1280);
		card.navigate(url("/deals/" + deal));
		assertThat(card.locator("[data-test=current-stage]")).hasText("Контакт");
		waitForLive(card);
		card.evaluate("window.notReloaded = true");

		progress.move(deal, fixtures.second, deals.card(deal, head).version(), head);

		assertThat(card.locator("[data-test=current-stage]")).hasText("Потребности");
		assertThat(card.locator("[data-test=checklist]")).isVisible();
		assertThat(card.locator("[data-test=history]")).containsText("Потребности");
		assertThat((Boolean) card.evaluate("window.notReloaded === true")).as("refreshed in place").isTrue();
		BrowserExtension.screenshot(card, "deal-card-live-moved-desktop-en");

		card.locator("[data-test=stages] button:has-text('Контакт')").click();
		// the move back was made on the version the refresh brought
		assertThat(card.locator("[data-test=current-stage]")).hasText("Контакт");
	}

	@Test
	void a_deal_given_to_another_department_leaves_the_board_of_its_former_manager_live() {
		Page managers = board(manager, "en-GB", 1280);
		assertThat(card(managers, fixtures.first)).hasCount(1);
		waitForLive(managers);

		DealCard before = deals.card(deal, head);
		deals.update(deal, new DealDraft(before.clientId(), null, before.subject(), before.description(), before.kind(),
				before.scenarioId(), null, null, before.amount(), before.currency(), null, null, before.channel(),
				otherDepartment.id(), List.of(), before.tags(), List.of(), java.util.Map.of()), before.version(), head);

		assertThat(card(managers, fixtures.first)).hasCount(0);
		assertThat(column(managers, fixtures.first).locator("[data-test=column-count]")).hasText("0");
	}

	private Page board(CurrentUser user, String language, int width) {
		Page page = browser.newPage(language, width, width < 500 ? 844 : 900);
		page.navigate(url("/login"));
		page.locator("#username").fill(user.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();
		page.waitForURL(url("/"));
		page.navigate(url("/deals/board?scenario=" + fixtures.scenario));
		assertThat(page.locator("[data-test=board-column]")).hasCount(4);
		return page;
	}

	/**
	 * Waits until the page's live stream is open, so that no event can come before it.
	 */
	private static void waitForLive(Page page) {
		page.waitForFunction("document.documentElement.getAttribute('data-live') === 'open'");
	}

	private Locator column(Page page, long stage) {
		return page.locator("#board-col-" + stage);
	}

	private Locator cards(Page page, long stage) {
		return column(page, stage).locator("[data-cards]");
	}

	private Locator card(Page page, long stage) {
		return column(page, stage).locator("[data-deal='" + deal + "']");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
