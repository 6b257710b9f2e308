package io.clientele.deals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.live.LiveEvents;
import io.clientele.shared.live.LiveStreams;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.EventStreamClient;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live updates of deals over real HTTP streams: a move reaches the browsers of those who
 * may see the deal and nobody else's; a notification from another connection (another
 * node) reaches them the same way; an open stream holds no database connection; the
 * listener comes back after losing its connection and tells the pages to refresh.
 */
@ClienteleIntegrationTest
class BoardLiveUpdatesIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	DealService deals;

	@Autowired
	DealProgress progress;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	LiveStreams streams;

	@Autowired
	HikariDataSource pool;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser owner;

	CurrentUser otherDepartment;

	DealFixtures fixtures;

	long deal;

	final List<EventStreamClient> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		owner = users.user(Role.SALES_MANAGER, users.department("North", sales));
		otherDepartment = users.user(Role.SALES_MANAGER, users.department("South", sales));
		fixtures = new DealFixtures(scenarios);
		long client = clients.create(DealFixtures.client(TestUsers.unique("ООО Живой")), owner);
		deal = deals.create(fixtures.draft(client, "Живая сделка"), owner);
	}

	@AfterEach
	void closeStreams() {
		opened.forEach(EventStreamClient::close);
	}

	@Test
	void a_move_reaches_the_streams_of_those_who_may_see_the_deal_and_nobody_else() throws Exception {
		EventStreamClient ownersTab = stream(owner);
		EventStreamClient headsTab = stream(head);
		EventStreamClient strangersTab = stream(otherDepartment);

		progress.move(deal, fixtures.second, version(), owner);

		String expected = "{\"deal\":%d,\"scenario\":%d,\"stage\":%d,\"state\":\"IN_WORK\"}".formatted(deal,
				fixtures.scenario, fixtures.second);
		assertThat(ownersTab.next("deal", WAIT)).isEqualTo(new EventStreamClient.Event("deal", expected));
		assertThat(headsTab.next("deal", WAIT)).isEqualTo(new EventStreamClient.Event("deal", expected));
		// the same notification was handled for all three at once: had the stranger been
		// sent anything, it would have come by now
		assertThat(strangersTab.next("deal", Duration.ofMillis(500))).isNull();
		assertThat(strangersTab.received()).isEmpty();
	}

	@Test
	void a_notification_from_another_connection_reaches_the_streams_as_from_another_node() throws Exception {
		EventStreamClient ownersTab = stream(owner);
		EventStreamClient strangersTab = stream(otherDepartment);

		try (Connection otherNode = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword()); PreparedStatement notify = otherNode.prepareStatement("select pg_notify(?, ?)")) {
			notify.setString(1, LiveEvents.CHANNEL);
			notify.setString(2, "deal:" + deal);
			notify.execute();
		}

		assertThat(ownersTab.next("deal", WAIT)).isNotNull()
			.satisfies(event -> assertThat(event.data()).contains("\"deal\":" + deal));
		assertThat(strangersTab.next("deal", Duration.ofMillis(500))).isNull();
	}

	@Test
	void a_change_rolled_back_notifies_nobody() throws Exception {
		EventStreamClient ownersTab = stream(owner);
		try {
			progress.move(deal, fixtures.second, version() + 5, owner);
		}
		catch (io.clientele.shared.ConcurrentEdit expected) {
			// refused: nothing committed
		}
		assertThat(ownersTab.next("deal", Duration.ofSeconds(1))).isNull();
	}

	@Test
	void open_streams_hold_no_database_connection_and_go_when_their_browser_goes() throws Exception {
		int before = streams.count();
		List<EventStreamClient> tabs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			tabs.add(stream(owner));
		}
		await().atMost(WAIT).until(() -> streams.count(owner.id()) == 3);
		await().atMost(WAIT).until(() -> pool.getHikariPoolMXBean().getActiveConnections() == 0);

		tabs.forEach(EventStreamClient::close);
		// a stream whose browser has gone is found by the next writes to it
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			streams.send(owner.id(), new io.clientele.shared.live.LiveEvent("ping", "{}"));
			return streams.count(owner.id()) == 0;
		});
		// streams other tests left may have ended meanwhile; none of these three is left
		assertThat(streams.count()).isLessThanOrEqualTo(before);
	}

	@Test
	void a_signed_out_browser_gets_no_stream() throws Exception {
		EventStreamClient anonymous = EventStreamClient.open(port, "no-such-session");
		opened.add(anonymous);
		assertThat(anonymous.status()).isEqualTo(302);
	}

	@Test
	void the_listener_listens_again_after_losing_its_connection_and_tells_pages_to_refresh() throws Exception {
		EventStreamClient ownersTab = stream(owner);
		await().atMost(WAIT).until(() -> listeners() == 1);

		jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'clientele-live'")
			.query(rs -> {
			});

		assertThat(ownersTab.next("resync", Duration.ofSeconds(15))).isNotNull();
		await().atMost(WAIT).until(() -> listeners() == 1);
		progress.move(deal, fixtures.second, version(), owner);
		assertThat(ownersTab.next("deal", WAIT)).isNotNull();
	}

	@Test
	void a_viewer_who_loses_sight_of_the_deal_is_told_it_has_gone_and_its_new_viewers_that_it_came() throws Exception {
		EventStreamClient ownersTab = stream(owner);
		EventStreamClient headsTab = stream(head);
		EventStreamClient newOwnersTab = stream(otherDepartment);

		DealDraft draft = fixtures.draft(deals.card(deal, head).clientId(), "Живая сделка");
		deals.update(deal,
				new DealDraft(draft.clientId(), null, draft.subject(), draft.description(), draft.kind(),
						draft.scenarioId(), null, null, draft.amount(), draft.currency(), null, null, draft.channel(),
						otherDepartment.id(), List.of(), draft.tags(), List.of(), java.util.Map.of()),
				version(), head);

		assertThat(ownersTab.next("deal", WAIT))
			.isEqualTo(new EventStreamClient.Event("deal", "{\"deal\":%d,\"gone\":true}".formatted(deal)));
		String moved = "{\"deal\":%d,\"scenario\":%d,\"stage\":%d,\"state\":\"IN_WORK\"}".formatted(deal,
				fixtures.scenario, fixtures.first);
		assertThat(newOwnersTab.next("deal", WAIT)).isEqualTo(new EventStreamClient.Event("deal", moved));
		assertThat(headsTab.next("deal", WAIT)).as("the head sees it still")
			.isEqualTo(new EventStreamClient.Event("deal", moved));
		assertThat(ownersTab.next("deal", Duration.ofMillis(500))).as("nothing of the deal beyond its going").isNull();
		assertThat(headsTab.next("deal", Duration.ofMillis(500))).as("the head lost nothing").isNull();
	}

	@Test
	void a_co_executor_taken_off_the_deal_is_told_it_has_gone() throws Exception {
		EventStreamClient coExecutorsTab = stream(otherDepartment);
		DealDraft draft = fixtures.draft(deals.card(deal, owner).clientId(), "Живая сделка", DealMode.MANUAL_STAGES,
				List.of(otherDepartment.id()));
		deals.update(deal, draft, version(), owner);
		assertThat(coExecutorsTab.next("deal", WAIT)).as("on the deal now").isNotNull();

		deals.update(deal, fixtures.draft(draft.clientId(), "Живая сделка"), version(), owner);

		assertThat(coExecutorsTab.next("deal", WAIT))
			.isEqualTo(new EventStreamClient.Event("deal", "{\"deal\":%d,\"gone\":true}".formatted(deal)));
	}

	private int listeners() {
		return jdbc.sql("select count(*) from pg_stat_activity where application_name = 'clientele-live'")
			.query(Integer.class)
			.single();
	}

	private EventStreamClient stream(CurrentUser user) throws Exception {
		WebSession session = new WebSession(port, "ru");
		assertThat(session.signIn(user.getUsername(), TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		EventStreamClient stream = EventStreamClient.open(port, session.sessionCookie());
		opened.add(stream);
		assertThat(stream.status()).isEqualTo(200);
		int streamsBefore = streams.count(user.id());
		await().atMost(WAIT).until(() -> streams.count(user.id()) >= Math.max(1, streamsBefore));
		return stream;
	}

	private long version() {
		return jdbc.sql("select version from deals where id = ?").param(deal).query(Long.class).single();
	}

}
