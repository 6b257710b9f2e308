package io.clientele.activities;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
 * A manager plans a meeting with a colleague who is busy then: the form warns of the
 * overlap as the colleague is chosen, the manager picks a meeting room (its day shows on
 * the form) and saves anyway — on a desktop, and finished on a phone.
 */
@ClienteleIntegrationTest
class MeetingBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	ClientService clients;

	@Autowired
	InteractionService interactions;

	@Autowired
	MeetingRooms rooms;

	@Autowired
	RoomHolds holds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	CurrentUser colleague;

	long client;

	long room;

	String roomName;

	LocalDate day;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		CurrentUser admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Продажи", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Вектор")), manager);
		roomName = TestUsers.unique("Переговорная «Нева»");
		room = rooms.addRoom(roomName, 8, admin);
		day = LocalDate.now(ZoneId.systemDefault()).plusDays(2);
		interactions.create(new InteractionDraft(InteractionKind.CALL, InteractionState.PLANNED,
				day.atTime(10, 30).atZone(ZoneId.systemDefault()).toInstant(), client, null, null, "Созвон по договору",
				null, null, colleague.id(), List.of(), List.of(), null, null, null, null, null, null, null, null),
				manager);
	}

	@Test
	void a_meeting_with_a_busy_colleague_warns_of_the_overlap_books_a_room_and_saves() {
		Page page = browser.newPage("ru-RU", 1280, 1000);
		page.navigate(url("/login"));
		page.locator("#username").fill(manager.getUsername());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("[data-test=sign-in]").click();

		// as the top bar's "new meeting" opens it: planned
		page.navigate(url("/interactions/new?clientId=" + client + "&kind=MEETING&state=PLANNED"));
		assertThat(page.locator("[data-test=interaction-state]")).hasValue("PLANNED");
		page.locator("[data-test=interaction-at]").fill(day + "T10:00");
		page.locator("[data-test=interaction-length]").fill("60");
		page.locator("[data-test=interaction-subject]").fill("Презентация станков");
		assertThat(page.locator("[data-test=busy-free]")).isVisible();

		page.locator("#participantUserIds").selectOption(Long.toString(colleague.id()));
		assertThat(page.locator("[data-test=busy-warning]"))
			.containsText(colleague.displayName() + " занят(а) 10:30–11:00: Созвон по договору");

		page.locator("[data-test=interaction-room]").selectOption(Long.toString(room));
		assertThat(page.locator("[data-test=busy-room]")).containsText(roomName);
		assertThat(page.locator("[data-test=busy-room]")).containsText("Свободна весь день");
		assertThat(page.locator("[data-test=busy-warning]")).isVisible();
		BrowserExtension.screenshot(page, "meeting-form-busy-desktop-ru");

		page.setViewportSize(390, 844);
		assertThat(page.locator("[data-test=busy-warning]")).isVisible();
		BrowserExtension.screenshot(page, "meeting-form-busy-phone-ru");
		page.locator("[data-test=save-interaction]").click();

		assertThat(page.locator("[data-test=notice]")).isVisible();
		long meeting = jdbc.sql("select id from interactions where client_id = ? and kind = 'MEETING'")
			.param(client)
			.query(Long.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(holds.heldBy("interaction", meeting))
			.hasValueSatisfying(
					booking -> org.assertj.core.api.Assertions.assertThat(booking.roomId()).isEqualTo(room));
		page.navigate(url("/interactions/" + meeting));
		assertThat(page.locator("[data-test=interaction-room]")).containsText(roomName);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
