package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar: rooms are never booked twice, things move by dragging within the rules,
 * people see the calendars they may, and the private feed is valid iCalendar holding only
 * its owner's things.
 */
@ClienteleIntegrationTest
class CalendarIntegrationTests {

	@Autowired
	MeetingRooms rooms;

	@Autowired
	Calendars calendars;

	@Autowired
	TaskService tasks;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser admin;

	CurrentUser head;

	CurrentUser manager;

	CurrentUser colleague;

	CurrentUser stranger;

	long room;

	Instant nine;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Продажи", users.rootDepartment());
		long other = users.department("Сервис", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, other);
		room = rooms.addRoom(TestUsers.unique("Переговорная"), 8, admin);
		nine = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
	}

	@Test
	void a_room_is_never_booked_twice_and_the_refusal_names_who_holds_it() {
		rooms.book(room, "Переговоры с «Альфой»", nine, nine.plus(Duration.ofHours(1)), manager, null, null);
		assertThatThrownBy(() -> rooms.book(room, "Планёрка", nine.plus(Duration.ofMinutes(30)),
				nine.plus(Duration.ofMinutes(90)), colleague, null, null))
			.isInstanceOfSatisfying(RuleViolation.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("room.taken");
				assertThat(ex.arguments()).contains(manager.displayName(), "Переговоры с «Альфой»");
			});
		// back to back is fine
		rooms.book(room, "Планёрка", nine.plus(Duration.ofHours(1)), nine.plus(Duration.ofHours(2)), colleague, null,
				null);
		assertThat(rooms.bookings(room, nine, nine.plus(Duration.ofHours(3)))).hasSize(2);
	}

	@Test
	void the_database_refuses_an_overlapping_booking_that_gets_past_the_check() {
		rooms.book(room, "Первая", nine, nine.plus(Duration.ofHours(1)), manager, null, null);
		assertThatThrownBy(() -> jdbc.sql("""
				insert into room_bookings (room_id, booked_by, title, starts_at, ends_at) values (?, ?, 'Вторая', ?, ?)
				""")
			.params(room, colleague.id(), java.sql.Timestamp.from(nine.plusSeconds(60)),
					java.sql.Timestamp.from(nine.plusSeconds(120)))
			.update()).hasMessageContaining("room_bookings_no_overlap");
	}

	@Test
	void a_booking_dragged_onto_another_goes_back_with_the_reason_and_onto_free_time_moves() throws Exception {
		long first = rooms.book(room, "Утренняя", nine, nine.plus(Duration.ofHours(1)), manager, null, null);
		rooms.book(room, "Дневная", nine.plus(Duration.ofHours(3)), nine.plus(Duration.ofHours(4)), colleague, null,
				null);
		mvc.perform(post("/calendar/move").with(user(manager))
			.with(csrf())
			.param("kind", "room-booking")
			.param("id", Long.toString(first))
			.param("start", nine.plus(Duration.ofHours(3)).toString())
			.param("end", nine.plus(Duration.ofHours(4)).toString())
			.header("Accept-Language", "ru"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("Дневная")));
		mvc.perform(post("/calendar/move").with(user(colleague))
			.with(csrf())
			.param("kind", "room-booking")
			.param("id", Long.toString(first))
			.param("start", nine.plus(Duration.ofHours(5)).toString())
			.param("end", nine.plus(Duration.ofHours(6)).toString())).andExpect(status().isUnprocessableContent());
		mvc.perform(post("/calendar/move").with(user(manager))
			.with(csrf())
			.param("kind", "room-booking")
			.param("id", Long.toString(first))
			.param("start", nine.plus(Duration.ofHours(5)).toString())
			.param("end", nine.plus(Duration.ofHours(6)).toString())).andExpect(status().isOk());
		assertThat(rooms.bookings(room, nine.plus(Duration.ofHours(5)), nine.plus(Duration.ofHours(6))))
			.extracting(MeetingRooms.Booking::title)
			.containsExactly("Утренняя");
	}

	@Test
	void a_manager_sees_their_own_calendar_and_a_head_sees_the_people_of_their_department() throws Exception {
		rooms.book(room, "Встреча менеджера", nine, nine.plus(Duration.ofHours(1)), manager, null, null);
		rooms.book(room, "Встреча коллеги", nine.plus(Duration.ofHours(2)), nine.plus(Duration.ofHours(3)), colleague,
				null, null);
		String start = nine.minus(Duration.ofDays(1)).toString();
		String end = nine.plus(Duration.ofDays(1)).toString();

		mvc.perform(get("/calendar/events").with(user(manager))
			.param("start", start)
			.param("end", end)
			.param("people", Long.toString(manager.id()), Long.toString(colleague.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].title").value(org.hamcrest.Matchers.contains("Встреча менеджера")));
		mvc.perform(get("/calendar/events").with(user(stranger))
			.param("start", start)
			.param("end", end)
			.param("people", Long.toString(manager.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		mvc.perform(get("/calendar/events").with(user(head))
			.param("start", start)
			.param("end", end)
			.param("people", Long.toString(manager.id()), Long.toString(colleague.id())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].title")
				.value(org.hamcrest.Matchers.contains("Встреча менеджера", "Встреча коллеги")))
			.andExpect(jsonPath("$[0].editable").value(false));
	}

	@Test
	void a_task_with_a_time_is_in_the_calendar_and_dragging_it_moves_its_reminder_with_it() throws Exception {
		java.time.ZoneId zone = java.time.ZoneId.systemDefault();
		java.time.ZonedDateTime due = nine.atZone(zone).plusDays(1).withHour(15).withMinute(0);
		long task = tasks.create(new TaskDraft(null, "Подготовить КП", null, manager.id(), due.toLocalDate(),
				due.toLocalTime(), null, due.minusHours(1).toInstant(), null, null, null, 0), manager);

		mvc.perform(get("/calendar/events").with(user(manager))
			.param("start", due.minusDays(1).toInstant().toString())
			.param("end", due.plusDays(1).toInstant().toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.title == 'Подготовить КП')].start").value(due.toInstant().toString()));

		java.time.ZonedDateTime later = due.plusDays(1).withHour(11);
		mvc.perform(post("/calendar/move").with(user(manager))
			.with(csrf())
			.param("kind", "task")
			.param("id", Long.toString(task))
			.param("start", later.toInstant().toString())
			.param("end", later.plusMinutes(30).toInstant().toString())).andExpect(status().isOk());
		var row = jdbc.sql("select due_at, due_on, remind_at from tasks where id = ?").param(task).query().singleRow();
		assertThat(((java.sql.Timestamp) row.get("due_at")).toInstant()).isEqualTo(later.toInstant());
		assertThat(row.get("due_on").toString()).isEqualTo(later.toLocalDate().toString());
		assertThat(((java.sql.Timestamp) row.get("remind_at")).toInstant()).isEqualTo(later.minusHours(1).toInstant());

		mvc.perform(post("/calendar/move").with(user(stranger))
			.with(csrf())
			.param("kind", "task")
			.param("id", Long.toString(task))
			.param("start", due.toInstant().toString())
			.param("end", due.plusMinutes(30).toInstant().toString())).andExpect(status().isNotFound());
	}

	@Test
	void the_feed_is_valid_icalendar_of_its_owners_things_and_a_revoked_address_finds_nothing() throws Exception {
		rooms.book(room, "Встреча; с «Альфой», важная", nine, nine.plus(Duration.ofHours(1)), manager, null, null);
		rooms.book(room, "Чужая встреча", nine.plus(Duration.ofHours(2)), nine.plus(Duration.ofHours(3)), colleague,
				null, null);
		String secret = calendars.renewFeed(manager.id());

		var response = mvc.perform(get("/api/v1/calendar/feeds/{secret}.ics", secret))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/calendar");
		String text = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("BEGIN:VCALENDAR\r\n")
			.contains("\r\nVERSION:2.0\r\n")
			.endsWith("END:VCALENDAR\r\n");
		assertThat(text.split("\r\n"))
			.allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
				.isLessThanOrEqualTo(75));

		var parsed = Biweekly.parse(text);
		List<List<biweekly.io.ParseWarning>> warnings = new java.util.ArrayList<>();
		ICalendar calendar = parsed.warnings(warnings).first();
		assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
		assertThat(calendar.validate(biweekly.ICalVersion.V2_0).isEmpty()).isTrue();
		assertThat(calendar.getEvents()).extracting(event -> event.getSummary().getValue())
			.containsExactly("Встреча; с «Альфой», важная");
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(nine);
		assertThat(event.getLocation().getValue()).startsWith("Переговорная");

		calendars.renewFeed(manager.id());
		mvc.perform(get("/api/v1/calendar/feeds/{secret}.ics", secret)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/calendar/feeds/{secret}.ics", "made-up")).andExpect(status().isNotFound());
	}

}
