package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.internal.InteractionStore;
import io.clientele.clients.ClientService;
import io.clientele.clients.Reassignment;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
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
 * Two sales departments under one head of sales: an interaction is seen by whoever may
 * see its client or its deal, by its executor and participants and by their heads, and by
 * nobody else — on its page, in the list, through the API and in the timelines.
 */
@ClienteleIntegrationTest
class InteractionAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InteractionService interactions;

	@Autowired
	InteractionList list;

	@Autowired
	Timeline timeline;

	@Autowired
	ClientService clients;

	@Autowired
	DealService deals;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Reassignment reassignment;

	@Autowired
	AccessScopes scopes;

	@Autowired
	InteractionStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser headOfSales;

	CurrentUser owner;

	CurrentUser otherDepartment;

	long client;

	long deal;

	long interaction;

	String subject;

	InteractionFixtures fixtures;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long north = users.department("North", sales);
		long south = users.department("South", sales);
		headOfSales = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		owner = users.user(Role.SALES_MANAGER, north);
		otherDepartment = users.user(Role.SALES_MANAGER, south);
		fixtures = new InteractionFixtures(scenarios);
		client = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Звонок")), owner);
		deal = deals.create(fixtures.deal(client, TestUsers.unique("Поставка")), owner);
		subject = TestUsers.unique("Обсудили поставку");
		interaction = interactions.create(
				InteractionFixtures.call(client, deal, subject, now().minusSeconds(3600), InteractionState.DONE),
				owner);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void manager_of_another_department_cannot_open_the_interaction() throws Exception {
		for (String path : List.of("", "/edit", "/complete")) {
			mvc.perform(get("/interactions/" + interaction + path).with(user(otherDepartment)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(post("/interactions/" + interaction + "/delete").param("version", "0")
			.with(csrf())
			.with(user(otherDepartment))).andExpect(status().isNotFound());
		assertThatThrownBy(() -> interactions.card(interaction, otherDepartment)).isInstanceOf(RecordNotFound.class);
		mvc.perform(get("/interactions/" + interaction).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(subject)));
	}

	@Test
	void manager_of_another_department_finds_nothing_in_the_list_and_the_api() throws Exception {
		assertThat(subjects(otherDepartment)).isEmpty();
		mvc.perform(get("/interactions").param("q", subject).with(user(otherDepartment)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(">" + subject + "</a>"))));
		String token = tokens.issue(otherDepartment.id(), "access").secret();
		mvc.perform(get("/api/v1/interactions/" + interaction).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/interactions").param("client", "" + client).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		String ownToken = tokens.issue(owner.id(), "access").secret();
		mvc.perform(
				get("/api/v1/interactions").param("client", "" + client).header("Authorization", "Bearer " + ownToken))
			.andExpect(jsonPath("$.items[0].id").value(interaction))
			.andExpect(jsonPath("$.items[0].subject").value(subject))
			.andExpect(jsonPath("$.items[0].kind").value("CALL"));
	}

	@Test
	void manager_of_another_department_cannot_read_the_timelines() throws Exception {
		mvc.perform(get("/timeline/client/" + client).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/timeline/deal/" + deal).with(user(otherDepartment))).andExpect(status().isNotFound());
		assertThatThrownBy(
				() -> timeline.page(TimelineSubject.client(client), Set.of(), null, Timeline.PAGE, otherDepartment))
			.isInstanceOf(RecordNotFound.class);
		mvc.perform(get("/timeline/client/" + client).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(subject)));
	}

	@Test
	void the_head_of_the_department_tree_sees_the_interaction() {
		assertThat(interactions.card(interaction, headOfSales).subject()).isEqualTo(subject);
		assertThat(subjects(headOfSales)).containsExactly(subject);
	}

	@Test
	void a_participant_from_another_department_sees_the_interaction_but_not_the_client() {
		String meeting = TestUsers.unique("Встреча втроём");
		long id = interactions.create(InteractionFixtures.of(InteractionKind.MEETING, client, meeting,
				now().minusSeconds(60), List.of(otherDepartment.id())), owner);

		assertThat(interactions.card(id, otherDepartment).participantUsers()).containsKey(otherDepartment.id());
		assertThat(subjects(otherDepartment)).containsExactly(meeting);
		assertThat(clients.visible(client, otherDepartment)).isFalse();
	}

	@Test
	void an_interaction_planned_for_a_colleague_of_another_department_is_theirs_to_see() {
		String next = TestUsers.unique("Передать в сервис");
		long id = interactions.create(InteractionDraft.planned(InteractionKind.CALL, now().plus(Duration.ofDays(1)),
				client, null, next, otherDepartment.id()), owner);

		assertThat(interactions.card(id, otherDepartment).responsibleId()).isEqualTo(otherDepartment.id());
		assertThat(subjects(otherDepartment)).containsExactly(next);
	}

	@Test
	void the_manager_given_the_client_sees_its_interactions_at_once() {
		assertThat(subjects(otherDepartment)).isEmpty();

		reassignment.reassign(List.of(client), otherDepartment.id(), headOfSales);

		assertThat(subjects(otherDepartment)).containsExactly(subject);
		assertThat(interactions.card(interaction, otherDepartment).subject()).isEqualTo(subject);
	}

	@Test
	void a_colleague_made_co_executor_of_the_deal_sees_its_interactions_until_the_deal_is_deleted() {
		String own = TestUsers.unique("Без сделки");
		interactions.create(InteractionFixtures.call(client, null, own, now().minusSeconds(60), InteractionState.DONE),
				owner);
		String title = TestUsers.unique("Поставка");
		long shared = deals.create(fixtures.deal(client, title), owner);
		String onDeal = TestUsers.unique("По сделке");
		interactions.create(
				InteractionFixtures.call(client, shared, onDeal, now().minusSeconds(30), InteractionState.DONE), owner);
		assertThat(subjects(otherDepartment)).isEmpty();

		deals.update(shared, fixtures.deal(client, title, List.of(otherDepartment.id())),
				deals.card(shared, owner).version(), owner);

		assertThat(subjects(otherDepartment)).containsExactly(onDeal);

		deals.delete(shared, deals.card(shared, owner).version(), owner);

		assertThat(subjects(otherDepartment)).isEmpty();
		assertThat(subjects(owner)).contains(onDeal, own, subject);
	}

	/**
	 * The columns an interaction carries (decision 0014) give every reader exactly the
	 * interactions that the rule written as joins gives, over every interaction the tests
	 * have written so far, after the changes the triggers must follow: a client
	 * reassigned, deleted and in a granted segment, a deal's co-executor, a participant
	 * added and removed.
	 */
	@Test
	void the_columns_an_interaction_carries_grant_exactly_what_its_client_deal_and_participants_grant() {
		var users = new TestUsers(jdbc, encoder);
		CurrentUser stranger = users.user(Role.SALES_MANAGER, users.department("West", users.rootDepartment()));
		long type = jdbc.sql("insert into segment_types (name) values (?) returning id")
			.param(TestUsers.unique("Тип"))
			.query(Long.class)
			.single();
		long segment = jdbc.sql("insert into segments (type_id, name) values (?, ?) returning id")
			.params(type, TestUsers.unique("Сегмент"))
			.query(Long.class)
			.single();
		jdbc.sql("insert into segment_grants (user_id, segment_id) values (?, ?)")
			.params(stranger.id(), segment)
			.update();
		long inSegment = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Сегмент")), otherDepartment);
		jdbc.sql("update clients set segment_ids = array[cast(? as bigint)] where id = ?")
			.params(segment, inSegment)
			.update();
		interactions.create(InteractionFixtures.call(inSegment, null, TestUsers.unique("В сегменте"),
				now().minusSeconds(90), InteractionState.DONE), otherDepartment);
		long gone = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Удалена")), owner);
		long onGone = interactions.create(InteractionFixtures.of(InteractionKind.MEETING, gone,
				TestUsers.unique("Встреча"), now().minusSeconds(80), List.of(otherDepartment.id())), owner);
		clients.delete(gone, clients.card(gone, owner).version(), owner);
		long shared = deals.create(fixtures.deal(client, TestUsers.unique("Общая"), List.of(stranger.id())), owner);
		interactions.create(InteractionFixtures.call(client, shared, TestUsers.unique("По общей"),
				now().minusSeconds(70), InteractionState.DONE), owner);
		long moved = clients.create(InteractionFixtures.client(TestUsers.unique("ООО Переданная")), owner);
		interactions.create(InteractionFixtures.call(moved, null, TestUsers.unique("Передана"), now().minusSeconds(60),
				InteractionState.DONE), owner);
		reassignment.reassign(List.of(moved), otherDepartment.id(), headOfSales);
		jdbc.sql("delete from interaction_participants where interaction_id = ? and user_id = ?")
			.params(onGone, otherDepartment.id())
			.update();
		jdbc.sql("insert into interaction_participants (interaction_id, user_id) values (?, ?)")
			.params(onGone, stranger.id())
			.update();

		for (CurrentUser reader : List.of(owner, otherDepartment, headOfSales, stranger)) {
			var scope = scopes.of(reader.id());
			var visibility = store.visibility(reader.id());
			List<Long> byJoins = visibility.deals()
				.bind(visibility.clients()
					.bind(jdbc.sql("""
							select i.id from interactions i
							 where %s
							    or i.client_id in (select c.id from clients c where c.deleted_at is null and %s)
							    or i.deal_id in (select d.id from deals d where d.deleted_at is null and %s)
							    or i.id in (select p.interaction_id from interaction_participants p where %s)
							 order by i.id""".formatted(scope.sqlCondition("i.responsible_id"),
							visibility.clients().sqlCondition("c"), visibility.deals().sqlCondition("d"),
							scope.sqlCondition("p.user_id")))))
				.query(Long.class)
				.list();
			List<Long> byColumns = visibility
				.bind(jdbc.sql("select i.id from interactions i where %s order by i.id"
					.formatted(visibility.sqlCondition("i"))))
				.query(Long.class)
				.list();
			assertThat(byColumns).as(reader.role().name()).isNotEmpty().isEqualTo(byJoins);
		}
	}

	private List<String> subjects(CurrentUser reader) {
		return list
			.page(new RecordQuery(null, Map.of("client", List.of("" + client)), List.of("name"), "at", true, null, null,
					null, 50), reader)
			.rows()
			.stream()
			.map(RecordListPage.Row::name)
			.toList();
	}

}
