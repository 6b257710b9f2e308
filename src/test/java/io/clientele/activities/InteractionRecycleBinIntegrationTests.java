package io.clientele.activities;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.RecycleBin;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deleted interaction goes to the recycle bin like a deleted task or deal: it leaves
 * the timeline, the lists, the calendar and the feed, and whoever may see it takes it
 * back from the bin; a meeting gets its room back when the room is still free.
 */
@ClienteleIntegrationTest
class InteractionRecycleBinIntegrationTests {

	@Autowired
	InteractionService interactions;

	@Autowired
	ClientService clients;

	@Autowired
	MeetingRooms rooms;

	@Autowired
	RoomHolds holds;

	@Autowired
	RecycleBin bin;

	@Autowired
	Timeline timeline;

	@Autowired
	Calendars calendars;

	@Autowired
	RecordHistory history;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser manager;

	CurrentUser head;

	CurrentUser otherHead;

	long client;

	long room;

	String roomName;

	Instant ten;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		CurrentUser admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		long sales = users.department("Продажи", users.rootDepartment());
		long service = users.department("Сервис", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		otherHead = users.user(Role.HEAD_OF_DEPARTMENT, service);
		client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Корзина")), manager);
		roomName = TestUsers.unique("Ладога");
		room = rooms.addRoom(roomName, 6, admin);
		ten = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
	}

	@Test
	void a_deleted_interaction_leaves_the_timeline_list_calendar_and_feed_and_comes_back_from_the_bin()
			throws Exception {
		String subject = TestUsers.unique("Позвонить по счёту");
		long call = interactions.create(InteractionFixtures.call(client, null, subject, ten, InteractionState.PLANNED),
				manager);
		String feed = calendars.renewFeed(manager.id());
		assertShown(call, subject, feed, true);

		interactions.delete(call, interactions.card(call, manager).version(), manager);

		assertShown(call, subject, feed, false);
		assertThat(bin.contents(manager)).filteredOn(item -> item.type().equals(InteractionService.RECORD_TYPE))
			.extracting(RecycleBin.Item::id, RecycleBin.Item::name, RecycleBin.Item::deletedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(call, subject, manager.displayName()));
		mvc.perform(get("/recycle-bin").with(user(manager)).header("Accept-Language", "ru"))
			.andExpect(content().string(containsString(subject)))
			.andExpect(content().string(containsString("Взаимодействие")));

		mvc.perform(post("/recycle-bin/interaction/{id}/restore", call).with(user(head)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/interactions/" + call))
			.andExpect(flash().attribute("notice", "recycle-bin.restored"));

		assertShown(call, subject, feed, true);
		assertThat(bin.contents(manager)).extracting(RecycleBin.Item::id).doesNotContain(call);
		List<HistoryEntry> entries = history.of(InteractionService.RECORD_TYPE, call, null, 10);
		assertThat(entries).extracting(HistoryEntry::actionKey)
			.containsSubsequence("history.action.RESTORED", "history.action.DELETED", "history.action.CREATED");
		assertThat(entries.get(0).actorId()).isEqualTo(head.id());
	}

	@Test
	void another_departments_head_does_not_see_the_deleted_interaction_in_the_bin_nor_restores_it() {
		String subject = TestUsers.unique("Заметка отдела продаж");
		long note = interactions.create(InteractionFixtures.of(InteractionKind.NOTE, client, subject,
				clock.instant().minusSeconds(60), List.of()), manager);
		interactions.delete(note, interactions.card(note, manager).version(), manager);

		assertThat(bin.contents(head)).extracting(RecycleBin.Item::id).contains(note);
		assertThat(bin.contents(otherHead)).extracting(RecycleBin.Item::id).doesNotContain(note);
		assertThatThrownBy(() -> bin.restoreOther(InteractionService.RECORD_TYPE, note, otherHead))
			.isInstanceOf(RecordNotFound.class);
		assertThat(bin.contents(head)).extracting(RecycleBin.Item::id).contains(note);
	}

	@Test
	void a_restored_meeting_gets_its_room_back_when_the_room_is_still_free() {
		long meeting = interactions.create(meeting("Переговоры", ten), manager);
		interactions.delete(meeting, interactions.card(meeting, manager).version(), manager);
		assertThat(holds.heldBy("interaction", meeting)).isEmpty();

		var restored = bin.restoreOther(InteractionService.RECORD_TYPE, meeting, manager);

		assertThat(restored.notice()).isEqualTo("recycle-bin.restored");
		assertThat(interactions.card(meeting, manager).roomName()).isEqualTo(roomName);
		assertThat(holds.heldBy("interaction", meeting).orElseThrow().startsAt()).isEqualTo(ten);
		List<HistoryEntry> entries = history.of(InteractionService.RECORD_TYPE, meeting, null, 2);
		assertThat(entries.get(1).actionKey()).isEqualTo("history.action.DELETED");
		assertThat(entries.get(1).changes()).extracting(FieldChange::field, FieldChange::before, FieldChange::after)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("interaction.field.room", roomName, null));
		assertThat(entries.get(0).actionKey()).isEqualTo("history.action.RESTORED");
		assertThat(entries.get(0).changes()).extracting(FieldChange::field, FieldChange::before, FieldChange::after)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("interaction.field.room", null, roomName));
	}

	@Test
	void a_meeting_whose_room_was_booked_meanwhile_is_restored_without_it_and_the_user_is_told() throws Exception {
		long meeting = interactions.create(meeting("Переговоры", ten), manager);
		interactions.delete(meeting, interactions.card(meeting, manager).version(), manager);
		long other = interactions.create(meeting("Планёрка", ten.plus(Duration.ofMinutes(30))), head);

		mvc.perform(post("/recycle-bin/interaction/{id}/restore", meeting).with(user(manager)).with(csrf()))
			.andExpect(redirectedUrl("/interactions/" + meeting))
			.andExpect(flash().attribute("notice", "interaction.restored-without-room"))
			.andExpect(flash().attribute("noticeArgs", new Object[] { roomName }));

		assertThat(interactions.card(meeting, manager).state()).isEqualTo(InteractionState.PLANNED);
		assertThat(interactions.card(meeting, manager).roomId()).isNull();
		assertThat(holds.heldBy("interaction", other)).isPresent();
		assertThat(history.of(InteractionService.RECORD_TYPE, meeting, null, 1).get(0).changes()).isEmpty();
		assertThat(messages.getMessage("interaction.restored-without-room", new Object[] { roomName },
				Locale.forLanguageTag("ru")))
			.startsWith("Взаимодействие восстановлено без переговорной: «" + roomName + "»");
		assertThat(messages.getMessage("interaction.restored-without-room", new Object[] { roomName }, Locale.ENGLISH))
			.startsWith("The interaction is restored without its meeting room: " + roomName);
	}

	private InteractionDraft meeting(String subject, Instant at) {
		return new InteractionDraft(InteractionKind.MEETING, InteractionState.PLANNED, at, client, null, null, subject,
				null, null, null, List.of(), List.of(), null, null, null, null, null, null, 60, room);
	}

	/**
	 * Whether the interaction shows in the client's timeline, the list, the calendar and
	 * the feed.
	 */
	private void assertShown(long id, String subject, String feed, boolean shown) throws Exception {
		assertThat(timeline.page(TimelineSubject.client(client), Set.of(), null, 50, manager).entries())
			.filteredOn(entry -> entry.kind().equals("CALL"))
			.extracting(TimelineEntry::id)
			.as("timeline")
			.matches(ids -> ids.contains(id) == shown);
		assertThat(calendars
			.items(List.of(manager.id()), ten.minus(Duration.ofDays(1)), ten.plus(Duration.ofDays(1)), manager)
			.items()).extracting(CalendarItem::id).as("calendar").matches(ids -> ids.contains(id) == shown);
		mvc.perform(get("/interactions").with(user(manager)))
			.andExpect(content().string(shown ? containsString(subject) : not(containsString(subject))));
		String text = mvc.perform(get("/api/v1/calendar/feeds/{secret}.ics", feed))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text.replace("\r\n ", "").contains(subject)).as("feed").isEqualTo(shown);
	}

}
