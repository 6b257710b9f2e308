package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.ConcurrentEdit;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logging, planning, completing with the next step planned, editing with optimistic
 * locking, validation, and the client and deal timelines that show it all with stage
 * changes and record changes.
 */
@ClienteleIntegrationTest
class InteractionServiceIntegrationTests {

	@Autowired
	TaskService tasks;

	@Autowired
	MockMvc mvc;

	@Autowired
	InteractionService interactions;

	@Autowired
	Timeline timeline;

	@Autowired
	ClientService clients;

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	RecordHistory history;

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

	InteractionFixtures fixtures;

	long client;

	long deal;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		fixtures = new InteractionFixtures(scenarios);
		client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Хронология")), manager);
		deal = deals.create(fixtures.deal(client, TestUsers.unique("Станки")), manager);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void a_logged_call_keeps_its_kind_fields_and_its_creation_is_history() {
		Instant at = now().minusSeconds(600);
		long id = interactions
			.create(InteractionFixtures.call(client, deal, "Первый звонок", at, InteractionState.DONE), manager);

		InteractionCard card = interactions.card(id, manager);
		assertThat(card.state()).isEqualTo(InteractionState.DONE);
		assertThat(card.doneAt()).isEqualTo(at);
		assertThat(card.direction()).isEqualTo(CallDirection.OUTGOING);
		assertThat(card.duration()).isEqualTo("2:05");
		assertThat(card.dealSubject()).startsWith("Станки");
		assertThat(card.responsibleId()).isEqualTo(manager.id());
		List<HistoryEntry> entries = history.of(InteractionService.RECORD_TYPE, id, null, 5);
		assertThat(entries).extracting(HistoryEntry::actionKey).containsExactly("history.action.CREATED");
	}

	@Test
	void a_note_keeps_no_call_fields() {
		var draft = InteractionFixtures.call(client, null, "Заметка", now(), InteractionState.DONE);
		long id = interactions.create(new InteractionDraft(InteractionKind.NOTE, draft.state(), draft.at(), client,
				null, null, "Заметка", null, null, null, List.of(), List.of(), CallDirection.INCOMING, 60,
				CallResult.BUSY, "https://pbx.example/r/1", "Офис", null, null, null), manager);

		InteractionCard card = interactions.card(id, manager);
		assertThat(card.direction()).isNull();
		assertThat(card.durationSeconds()).isNull();
		assertThat(card.recordingUrl()).isNull();
		assertThat(card.place()).isNull();
	}

	@Test
	void the_rules_refuse_a_wrong_draft_on_the_field_it_concerns() {
		long otherClient = clients.create(InteractionFixtures.client(TestUsers.unique("Другой")), manager);
		assertThat(refusal(InteractionFixtures.call(otherClient, deal, "Чужая сделка", now(), InteractionState.DONE)))
			.isEqualTo("dealId:interaction.deal-invalid");
		assertThat(refusal(InteractionFixtures.call(client, null, "  ", now(), InteractionState.DONE)))
			.isEqualTo("subject:interaction.subject-required");
		assertThat(refusal(InteractionFixtures.call(client, null, "Будущее", now().plus(Duration.ofDays(2)),
				InteractionState.DONE)))
			.isEqualTo("at:interaction.done-in-future");
		var draft = InteractionFixtures.call(client, null, "Ссылка", now(), InteractionState.DONE);
		assertThat(refusal(
				new InteractionDraft(draft.kind(), draft.state(), draft.at(), client, null, null, "Ссылка", null, null,
						null, List.of(), List.of(), null, null, null, "javascript:alert(1)", null, null, null, null)))
			.isEqualTo("recordingUrl:interaction.recording-invalid");
	}

	private String refusal(InteractionDraft draft) {
		try {
			interactions.create(draft, manager);
			return "accepted";
		}
		catch (RuleViolation violation) {
			return violation.field() + ":" + violation.messageKey();
		}
	}

	@Test
	void an_edit_based_on_an_older_version_is_refused() throws Exception {
		long id = interactions.create(
				InteractionFixtures.call(client, null, "Звонок", now().minusSeconds(60), InteractionState.DONE),
				manager);
		InteractionCard read = interactions.card(id, manager);
		interactions.update(id,
				InteractionFixtures.call(client, null, "Звонок (изм.)", read.at(), InteractionState.DONE),
				read.version(), manager);

		assertThatThrownBy(() -> interactions.update(id,
				InteractionFixtures.call(client, null, "Моя версия", read.at(), InteractionState.DONE), read.version(),
				manager))
			.isInstanceOf(ConcurrentEdit.class);
		mvc.perform(post("/interactions/" + id).with(csrf())
			.with(user(manager))
			.param("kind", "CALL")
			.param("clientId", "" + client)
			.param("at", "2026-01-10T10:00")
			.param("subject", "Моя версия")
			.param("version", "" + read.version()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("data-test=\"form-error\"")));
		String token = tokens.issue(manager.id(), "api").secret();
		mvc.perform(put("/api/v1/interactions/" + id).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"kind": "CALL", "clientId": %d, "at": "2026-01-10T10:00:00Z", "subject": "Моя версия", "version": %d}
							"""
						.formatted(client, read.version())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.currentVersion").value(read.version() + 1));
		assertThat(interactions.card(id, manager).subject()).isEqualTo("Звонок (изм.)");
	}

	@Test
	void completing_plans_the_next_interaction_in_the_same_step() {
		long planned = interactions.create(InteractionDraft.planned(InteractionKind.CALL, now().plusSeconds(3600),
				client, deal, "Позвонить ЛПР", null), manager);
		InteractionCard read = interactions.card(planned, manager);

		Long next = interactions.complete(planned, read.version(),
				new InteractionCompletion(null, "Договорились о встрече", 15, CallResult.ANSWERED, 300),
				new InteractionPlan(InteractionKind.MEETING, now().plus(Duration.ofDays(2)), colleague.id(), null),
				manager);

		InteractionCard done = interactions.card(planned, manager);
		assertThat(done.state()).isEqualTo(InteractionState.DONE);
		assertThat(done.result()).isEqualTo("Договорились о встрече");
		assertThat(done.minutesSpent()).isEqualTo(15);
		InteractionCard following = interactions.card(next, colleague);
		assertThat(following.kind()).isEqualTo(InteractionKind.MEETING);
		assertThat(following.state()).isEqualTo(InteractionState.PLANNED);
		assertThat(following.responsibleId()).isEqualTo(colleague.id());
		assertThat(following.dealId()).isEqualTo(deal);
		assertThat(following.subject()).isEqualTo("Позвонить ЛПР");
		assertThat(following.followsId()).isEqualTo(planned);
	}

	@Test
	void a_refused_next_step_leaves_the_interaction_planned() {
		long planned = interactions.create(InteractionDraft.planned(InteractionKind.CALL, now().plusSeconds(3600),
				client, null, "Позвонить", null), manager);
		long version = interactions.card(planned, manager).version();

		assertThatThrownBy(() -> interactions.complete(planned, version,
				new InteractionCompletion(null, "Итог", null, null, null),
				new InteractionPlan(InteractionKind.CALL, now().plus(Duration.ofDays(1)), 999_999_999L, null), manager))
			.isInstanceOf(RuleViolation.class);

		assertThat(interactions.card(planned, manager).state()).isEqualTo(InteractionState.PLANNED);
		assertThat(interactions.card(planned, manager).version()).isEqualTo(version);
	}

	@Test
	void the_completion_form_plans_the_next_one() throws Exception {
		long planned = interactions.create(InteractionDraft.planned(InteractionKind.CALL, now().plusSeconds(3600),
				client, null, "Позвонить по счёту", null), manager);

		mvc.perform(post("/interactions/" + planned + "/complete").with(csrf())
			.with(user(manager))
			.param("result", "Счёт оплатят в пятницу")
			.param("planNext", "true")
			.param("nextKind", "CALL")
			.param("nextAt", "2030-03-01T11:00")
			.param("nextResponsibleId", "" + manager.id())
			.param("version", "" + interactions.card(planned, manager).version()))
			.andExpect(status().is3xxRedirection());

		TimelinePage page = timeline.page(TimelineSubject.client(client), Set.of("CALL"), null, 10, manager);
		assertThat(page.entries()).extracting(TimelineEntry::at)
			.first()
			.isEqualTo(java.time.LocalDateTime.parse("2030-03-01T11:00")
				.atZone(java.time.ZoneId.systemDefault())
				.toInstant());
		assertThat(page.entries()).hasSize(2);
	}

	@Test
	void the_timeline_shows_interactions_stage_changes_and_changes_newest_first() {
		long call = interactions.create(
				InteractionFixtures.call(client, deal, "Звонок", now().minusSeconds(30), InteractionState.DONE),
				manager);
		progress.move(deal, fixtures.second, deals.card(deal, manager).version(), manager);

		TimelinePage page = timeline.page(TimelineSubject.deal(deal), Set.of(), null, 50, manager);

		assertThat(page.entries()).extracting(TimelineEntry::kind).contains("CALL", "STAGE", "CHANGE");
		assertThat(page.entries()).extracting(TimelineEntry::at)
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(page.entries()).filteredOn(entry -> entry.kind().equals("CALL"))
			.extracting(TimelineEntry::id)
			.containsExactly(call);
		assertThat(timeline.page(TimelineSubject.client(client), Set.of(), null, 50, manager).entries())
			.extracting(TimelineEntry::kind)
			.contains("CALL", "STAGE", "CHANGE");
	}

	@Test
	void the_timelines_show_the_tasks_about_the_client_and_the_deal_where_they_last_happened() {
		long open = tasks.create(TaskDraft.titled("Выставить счёт").withLinks(client, null, deal), manager);
		long done = tasks.create(TaskDraft.titled("Позвонить бухгалтеру").withLinks(client, null, null), manager);
		tasks.complete(done, tasks.card(done, manager).version(), "Готово", null, manager);

		List<TimelineEntry> ofClient = timeline.page(TimelineSubject.client(client), Set.of("TASK"), null, 50, manager)
			.entries();
		assertThat(ofClient).extracting(TimelineEntry::id).containsExactly(done, open);
		assertThat(ofClient).extracting(TimelineEntry::source).containsOnly("tasks");
		assertThat(timeline.page(TimelineSubject.deal(deal), Set.of("TASK", "WORK_ITEM"), null, 50, manager).entries())
			.extracting(TimelineEntry::id)
			.containsExactly(open);
		assertThat(timeline.kinds()).contains("TASK", "WORK_ITEM");
	}

	@Test
	void the_timeline_filters_by_kind_and_pages_without_gaps_or_repeats() {
		List<Long> notes = new ArrayList<>();
		Instant same = now().minusSeconds(7200);
		for (int i = 0; i < 7; i++) {
			// three of them at one moment: the cursor must tell them apart
			Instant at = i < 3 ? same : now().minusSeconds(100 * i);
			notes.add(interactions
				.create(InteractionFixtures.of(InteractionKind.NOTE, client, "Заметка " + i, at, List.of()), manager));
		}
		interactions.create(
				InteractionFixtures.call(client, null, "Звонок", now().minusSeconds(50), InteractionState.DONE),
				manager);

		List<Long> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			TimelinePage page = timeline.page(TimelineSubject.client(client), Set.of("NOTE"), after, 3, manager);
			page.entries().forEach(entry -> seen.add(entry.id()));
			assertThat(page.entries()).allMatch(entry -> entry.kind().equals("NOTE"));
			after = page.next();
			pages++;
		}
		while (after != null);

		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(notes).doesNotHaveDuplicates();
		List<TimelineEntry> all = new ArrayList<>();
		after = null;
		do {
			TimelinePage page = timeline.page(TimelineSubject.client(client), Set.of(), after, 2, manager);
			all.addAll(page.entries());
			after = page.next();
		}
		while (after != null);
		assertThat(all).extracting(TimelineEntry::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(all.stream().map(entry -> entry.source() + entry.id()).toList()).doesNotHaveDuplicates();
		assertThat(all).filteredOn(entry -> entry.kind().equals("NOTE")).hasSize(7);
	}

	@Test
	void the_client_card_shows_the_timeline_and_offers_to_log_an_interaction() throws Exception {
		interactions.create(InteractionFixtures.call(client, null, "Звонок с карточки", now().minusSeconds(60),
				InteractionState.DONE), manager);

		mvc.perform(get("/clients/" + client).header("Accept-Language", "en").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"timeline\"")))
			.andExpect(content().string(containsString("Звонок с карточки")))
			.andExpect(content().string(containsString("/interactions/new?clientId=" + client)));
		mvc.perform(get("/deals/" + deal).header("Accept-Language", "ru").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Хронология")))
			.andExpect(content().string(containsString("dealId=" + deal)));
	}

	@Test
	void the_api_answers_a_logged_interaction_as_a_later_read_shows_it() throws Exception {
		String token = tokens.issue(manager.id(), "api").secret();
		String created = mvc
			.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "MEETING", "state": "PLANNED", "clientId": %d, "dealId": %d,
						 "at": "2030-02-11T09:30:00Z", "subject": "Показ образцов", "plannedMinutes": 45,
						 "participantUserIds": [%d], "result": null}
						""".formatted(client, deal, manager.id())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);

		String read = mvc.perform(get("/api/v1/interactions/" + id).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		org.skyscreamer.jsonassert.JSONAssert.assertEquals(read, created, true);
		assertThat(created).contains("Показ образцов", "\"plannedMinutes\":45");
	}

	@Test
	void the_api_refuses_invalid_input_with_problem_details_naming_the_field() throws Exception {
		String token = tokens.issue(manager.id(), "api").secret();
		mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "CALL", "clientId": %d, "at": "2026-01-10T10:00:00Z", "subject": ""}
					""".formatted(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("subject"))
			.andExpect(jsonPath("$.errors[0].message").value("Write what it is about."));
		mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "LETTER", "clientId": %d}
					""".formatted(client)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(post("/api/v1/interactions").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "MEETING", "state": "PLANNED", "clientId": %d, "dealId": %d,
					 "at": "2030-01-10T10:00:00Z", "subject": "Встреча в офисе", "place": "Офис клиента"}
					""".formatted(client, deal)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("PLANNED"))
			.andExpect(jsonPath("$.place").value("Офис клиента"))
			.andExpect(jsonPath("$.dealId").value(deal));
		mvc.perform(get("/api/v1/interactions").param("deal", "" + deal)
			.param("state", "PLANNED")
			.param("from", "2030-01-01")
			.header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.items[0].subject").value("Встреча в офисе"))
			.andExpect(jsonPath("$.items.length()").value(1));
	}

	@Test
	void the_openapi_document_describes_the_interactions() throws Exception {
		mvc.perform(get("/api/docs").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/interactions/{id}/complete")));
	}

}
