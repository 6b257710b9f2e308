package io.clientele.activities;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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
import static org.awaitility.Awaitility.await;

/**
 * The calendar in the browser: a manager drags a task to another hour of the day and the
 * deadline (with its reminder) moves; an administrator books a meeting room on a phone
 * and a second booking of the same time is refused with who holds it.
 */
@ClienteleIntegrationTest
class CalendarBrowserTests {

	@RegisterExtension
	static BrowserExtension browser = new BrowserExtension();

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, users.department("Продажи", users.rootDepartment()));
	}

	@Test
	void a_task_dragged_to_another_hour_keeps_its_new_deadline_and_its_reminder_moves_with_it() {
		ZoneId zone = ZoneId.systemDefault();
		LocalDate today = LocalDate.now(zone);
		long task = tasks.create(new TaskDraft(null, "Позвонить в «Вектор»", null, manager.id(), today,
				LocalTime.of(10, 0), null, today.atTime(9, 30).atZone(zone).toInstant(), null, null, null, 0), manager);

		Page page = signIn(manager, "ru-RU", 1280, 1000);
		page.navigate(url("/calendar"));
		Locator event = page.locator(".fc-event", new Page.LocatorOptions().setHasText("Позвонить в «Вектор»"));
		assertThat(event).isVisible();
		BrowserExtension.screenshot(page, "calendar-week-desktop-ru");

		BoundingBox from = event.boundingBox();
		BoundingBox slot = page.locator("td.fc-timegrid-slot-lane[data-time='14:00:00']").boundingBox();
		double x = from.x + from.width / 2;
		page.mouse().move(x, from.y + 5);
		page.mouse().down();
		page.mouse().move(x, from.y + 25, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
		page.mouse().move(x, slot.y + 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
		page.mouse().up();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql(
					"select extract(hour from due_at at time zone current_setting('TimeZone')) from tasks where id = ?")
				.param(task)
				.query(Integer.class)
				.single() == hourInDatabaseZone(today.atTime(14, 0).atZone(zone)));
		var row = jdbc.sql("select due_at, remind_at from tasks where id = ?").param(task).query().singleRow();
		Duration before = Duration.between(((java.sql.Timestamp) row.get("remind_at")).toInstant(),
				((java.sql.Timestamp) row.get("due_at")).toInstant());
		org.assertj.core.api.Assertions.assertThat(before).isEqualTo(Duration.ofMinutes(30));
		org.assertj.core.api.Assertions.assertThat(((java.sql.Timestamp) row.get("due_at")).toInstant())
			.isEqualTo(today.atTime(14, 0).atZone(zone).toInstant());
		assertThat(page.locator("[data-calendar-error]")).isHidden();
	}

	@Test
	void a_room_booked_on_a_phone_cannot_be_booked_again_for_the_same_time() {
		Page page = signIn(admin, "ru-RU", 390, 844);
		page.navigate(url("/calendar/rooms"));
		assertThat(page.locator("[data-test=room-add]")).isVisible();
		String name = TestUsers.unique("Переговорная «Нева»");
		page.locator("[data-test=room-name]").fill(name);
		page.locator("[data-test=room-add]").click();
		assertThat(page.locator("[data-test=notice]")).isVisible();

		String day = LocalDate.now().plusDays(1).toString();
		page.locator("[data-test=booking-title]").fill("Переговоры с «Вектором»");
		page.locator("[data-test=booking-day]").fill(day);
		page.locator("[data-test=booking-from]").fill("10:00");
		page.locator("[data-test=booking-to]").fill("11:00");
		page.locator("[data-test=booking-save]").click();
		assertThat(page.locator("[data-test=bookings]")).containsText("Переговоры с «Вектором»");

		page.locator("[data-test=booking-title]").fill("Планёрка");
		page.locator("[data-test=booking-day]").fill(day);
		page.locator("[data-test=booking-from]").fill("10:30");
		page.locator("[data-test=booking-to]").fill("11:30");
		page.locator("[data-test=booking-save]").click();
		assertThat(page.locator("[data-test=failure]")).containsText("занята");
		assertThat(page.locator("[data-test=bookings]")).not().containsText("Планёрка");
		// what was typed is still in the form, to choose another time
		assertThat(page.locator("[data-test=booking-title]")).hasValue("Планёрка");
		assertThat(page.locator("[data-test=booking-from]")).hasValue("10:30");
		BrowserExtension.screenshot(page, "calendar-rooms-refused-phone-ru");
	}

	private int hourInDatabaseZone(java.time.ZonedDateTime time) {
		return jdbc.sql("select extract(hour from cast(? as timestamptz) at time zone current_setting('TimeZone'))")
			.param(java.sql.Timestamp.from(time.toInstant()))
			.query(Integer.class)
			.single();
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
