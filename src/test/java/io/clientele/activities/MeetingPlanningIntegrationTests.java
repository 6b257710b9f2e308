package io.clientele.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Planning a meeting: the form shows who is busy on its day and warns of overlaps
 * (without telling what the reader may not see), and a meeting books its room in the same
 * transaction — a taken room refuses the meeting, the booking moves with the meeting and
 * is freed when the meeting is cancelled or deleted.
 */
@ClienteleIntegrationTest
class MeetingPlanningIntegrationTests {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	@Autowired
	MockMvc mvc;

	@Autowired
	InteractionService interactions;

	@Autowired
	MeetingRooms rooms;

	@Autowired
	RoomHolds holds;

	@Autowired
	ClientService clients;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser manager;

	CurrentUser colleague;

	CurrentUser free;

	CurrentUser stranger;

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
		free = users.user(Role.SALES_MANAGER, sales);
		stranger = users.user(Role.SALES_MANAGER, users.department("Сервис", users.rootDepartment()));
		client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Встреча")), manager);
		roomName = TestUsers.unique("Нева");
		room = rooms.addRoom(roomName, 8, admin);
		day = LocalDate.ofInstant(clock.instant(), ZONE).plusDays(3);
	}

	@Test
	void overlap_warning_names_a_busy_participant_and_not_a_free_one() throws Exception {
		String call = TestUsers.unique("Звонок «Альфе»");
		interactions.create(planned(InteractionKind.CALL, client, call, at(10, 30), colleague), manager);
		long freeClient = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Позже")), free);
		interactions.create(planned(InteractionKind.MEETING, freeClient, "После обеда", at(14, 0), free), free);

		mvc.perform(busy(manager, at(10, 0), 60, colleague.id(), free.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"busy-warning\"")))
			.andExpect(content().string(containsString(colleague.displayName() + " занят(а) 10:30–11:00: " + call)))
			.andExpect(content().string(not(containsString(free.displayName() + " занят(а)"))))
			.andExpect(content().string(containsString(free.displayName())));

		// the same people an hour later are all free
		mvc.perform(busy(manager, at(11, 0), 60, colleague.id(), free.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-test=\"busy-warning\""))))
			.andExpect(content().string(containsString("data-test=\"busy-free\"")));
	}

	@Test
	void a_busy_item_the_viewer_may_not_see_shows_only_as_busy() throws Exception {
		long theirs = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Чужая")), stranger);
		String secret = TestUsers.unique("Тайные переговоры");
		interactions.create(planned(InteractionKind.MEETING, theirs, secret, at(10, 15), stranger), stranger);

		mvc.perform(busy(manager, at(10, 0), 60, stranger.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(stranger.displayName() + " занят(а) 10:15–11:15<")))
			.andExpect(content().string(containsString("data-test=\"busy-hidden\"")))
			.andExpect(content().string(not(containsString(secret))));
		// whoever may see it reads what it is
		mvc.perform(busy(stranger, at(10, 0), 60)).andExpect(content().string(containsString(secret)));
	}

	@Test
	void second_meeting_in_a_booked_room_is_refused_and_nothing_is_saved() throws Exception {
		long first = interactions.create(
				planned(InteractionKind.MEETING, client, "Переговоры", at(10, 0), manager).inRoom(room, 60), manager);
		assertThat(holds.heldBy("interaction", first)).isPresent();
		mvc.perform(get("/interactions/" + first).with(user(manager)))
			.andExpect(content().string(containsString(roomName)));

		String second = TestUsers.unique("Планёрка");
		mvc.perform(post("/interactions").with(user(manager))
			.with(csrf())
			.header("Accept-Language", "ru")
			.param("kind", "MEETING")
			.param("state", "PLANNED")
			.param("clientId", Long.toString(client))
			.param("at", local(at(10, 30)))
			.param("plannedMinutes", "60")
			.param("subject", second)
			.param("roomId", Long.toString(room)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("занята с 10:00 до 11:00")))
			.andExpect(content().string(containsString("class=\"form-select is-invalid\" id=\"roomId\"")));
		assertThat(jdbc.sql("select count(*) from interactions where subject = ?")
			.param(second)
			.query(Long.class)
			.single()).isZero();
		assertThat(rooms.bookings(room, at(9, 0), at(12, 0))).extracting(MeetingRooms.Booking::subjectId)
			.containsExactly(first);

		// through the API, a problem detail on the room
		String token = tokens.issue(manager.id(), "api").secret();
		mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "MEETING", "state": "PLANNED", "clientId": %d, "at": "%s", "plannedMinutes": 30,
					 "subject": "%s", "roomId": %d}
					""".formatted(client, at(10, 45), second, room)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("roomId"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(roomName + " is taken")));
		assertThat(jdbc.sql("select count(*) from interactions where subject = ?")
			.param(second)
			.query(Long.class)
			.single()).isZero();
		// back to back is fine
		mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "MEETING", "state": "PLANNED", "clientId": %d, "at": "%s", "plannedMinutes": 30,
					 "subject": "%s", "roomId": %d}
					""".formatted(client, at(11, 0), second, room)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.roomId").value(room))
			.andExpect(jsonPath("$.roomName").value(roomName))
			.andExpect(jsonPath("$.plannedMinutes").value(30));
	}

	@Test
	void moving_the_meeting_moves_the_booking_and_a_move_into_a_taken_time_is_refused() throws Exception {
		long meeting = interactions.create(
				planned(InteractionKind.MEETING, client, "Переговоры", at(10, 0), manager).inRoom(room, 60), manager);
		rooms.book(room, "Планёрка отдела", at(15, 0), at(16, 0), colleague, null, null);

		// the edit form
		InteractionCard card = interactions.card(meeting, manager);
		mvc.perform(post("/interactions/" + meeting).with(user(manager))
			.with(csrf())
			.param("kind", "MEETING")
			.param("clientId", Long.toString(client))
			.param("at", local(at(12, 0)))
			.param("plannedMinutes", "90")
			.param("subject", "Переговоры")
			.param("responsibleId", Long.toString(manager.id()))
			.param("roomId", Long.toString(room))
			.param("version", Long.toString(card.version()))).andExpect(status().is3xxRedirection());
		MeetingRooms.Booking booking = holds.heldBy("interaction", meeting).orElseThrow();
		assertThat(booking.startsAt()).isEqualTo(at(12, 0));
		assertThat(booking.endsAt()).isEqualTo(at(13, 30));

		// dragged in the calendar
		mvc.perform(post("/calendar/move").with(user(manager))
			.with(csrf())
			.param("kind", "interaction")
			.param("id", Long.toString(meeting))
			.param("start", at(13, 0).toString())
			.param("end", at(14, 30).toString())).andExpect(status().isOk());
		booking = holds.heldBy("interaction", meeting).orElseThrow();
		assertThat(booking.startsAt()).isEqualTo(at(13, 0));
		assertThat(booking.endsAt()).isEqualTo(at(14, 30));

		// onto the room's other booking: refused with the reason, nothing moves
		mvc.perform(post("/calendar/move").with(user(manager))
			.with(csrf())
			.header("Accept-Language", "ru")
			.param("kind", "interaction")
			.param("id", Long.toString(meeting))
			.param("start", at(15, 30).toString())
			.param("end", at(17, 0).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("Планёрка отдела")));
		assertThat(interactions.card(meeting, manager).at()).isEqualTo(at(13, 0));
		assertThat(holds.heldBy("interaction", meeting).orElseThrow().startsAt()).isEqualTo(at(13, 0));
	}

	@Test
	void cancelling_or_deleting_the_meeting_frees_the_room() {
		long meeting = interactions.create(
				planned(InteractionKind.MEETING, client, "Переговоры", at(10, 0), manager).inRoom(room, 60), manager);
		var taken = planned(InteractionKind.MEETING, client, "Вторая", at(10, 0), manager).inRoom(room, 60);
		assertThatThrownBy(() -> interactions.create(taken, manager)).isInstanceOf(RuleViolation.class);

		interactions.cancel(meeting, interactions.card(meeting, manager).version(), manager);
		assertThat(holds.heldBy("interaction", meeting)).isEmpty();
		assertThat(interactions.card(meeting, manager).roomId()).isNull();

		long second = interactions.create(taken, manager);
		assertThat(holds.heldBy("interaction", second)).isPresent();
		interactions.delete(second, interactions.card(second, manager).version(), manager);
		assertThat(rooms.bookings(room, at(9, 0), at(12, 0))).isEmpty();
	}

	@Test
	void a_meetings_booking_changes_only_through_the_meeting() {
		long meeting = interactions.create(
				planned(InteractionKind.MEETING, client, "Переговоры", at(10, 0), manager).inRoom(room, 60), manager);
		long booking = holds.heldBy("interaction", meeting).orElseThrow().id();

		assertThatThrownBy(() -> rooms.cancel(booking, manager)).isInstanceOfSatisfying(RuleViolation.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("room.held-by-meeting"));
		assertThat(holds.heldBy("interaction", meeting)).isPresent();
	}

	@Test
	void the_openapi_document_describes_the_room_and_length_of_a_meeting() throws Exception {
		mvc.perform(get("/api/docs").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The meeting room a planned meeting or visit books")))
			.andExpect(content().string(containsString("How long a meeting or visit is planned to take")));
	}

	private MockHttpServletRequestBuilder busy(CurrentUser viewer, Instant at, int minutes, Long... participants) {
		MockHttpServletRequestBuilder request = get("/interactions/form/busy").with(user(viewer))
			.header("Accept-Language", "ru")
			.param("kind", "MEETING")
			.param("state", "PLANNED")
			.param("at", local(at))
			.param("plannedMinutes", Integer.toString(minutes))
			.param("responsibleId", Long.toString(viewer.id()))
			.param("roomId", Long.toString(room));
		for (Long participant : participants) {
			request.param("participantUserIds", participant.toString());
		}
		return request;
	}

	private static InteractionDraft planned(InteractionKind kind, long clientId, String subject, Instant at,
			CurrentUser responsible) {
		return new InteractionDraft(kind, InteractionState.PLANNED, at, clientId, null, null, subject, null, null,
				responsible.id(), List.of(), List.of(), null, null, null, null, null, null, null, null);
	}

	private Instant at(int hour, int minute) {
		return day.atTime(hour, minute).atZone(ZONE).toInstant();
	}

	private static String local(Instant at) {
		return LocalDateTime.ofInstant(at, ZONE).toString();
	}

}
