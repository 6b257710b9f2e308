package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.live.LiveEvent;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The sidebar's "My tasks" counter stays current on open pages: a change to someone's
 * tasks by whoever tells that person's live streams (and nobody else's), and the page
 * fetches the counter again.
 */
@ClienteleIntegrationTest
class MyTasksLiveIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final Duration QUIET = Duration.ofMillis(500);

	@LocalServerPort
	int port;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskBulk bulk;

	@Autowired
	MyTasksChanges changes;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser author;

	CurrentUser executor;

	CurrentUser bystander;

	final List<AutoCloseable> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		author = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		executor = users.user(Role.SALES_MANAGER, sales);
		bystander = users.user(Role.SALES_MANAGER, sales);
	}

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable stream : opened) {
			stream.close();
		}
	}

	@Test
	void a_task_given_rescheduled_or_done_by_someone_else_tells_the_executors_pages_and_no_one_elses()
			throws Exception {
		EventStreamClient executors = stream(executor);
		EventStreamClient bystanders = stream(bystander);
		LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.systemDefault());

		long task = tasks.create(new TaskDraft(null, "Подготовить КП", null, executor.id(), today, null, null, null,
				null, null, null, 0), author);
		assertThat(executors.next(MyTasksChanges.TOPIC, WAIT)).as("given").isNotNull();

		bulk.reschedule(List.of(task), today.plusDays(3), author);
		assertThat(executors.next(MyTasksChanges.TOPIC, WAIT)).as("rescheduled").isNotNull();

		tasks.complete(task, tasks.card(task, author).version(), "Готово", null, author);
		assertThat(executors.next(MyTasksChanges.TOPIC, WAIT)).as("done").isNotNull();

		assertThat(bystanders.next(MyTasksChanges.TOPIC, QUIET)).isNull();
	}

	@Test
	void a_task_given_to_another_executor_tells_both() throws Exception {
		long task = tasks.create(
				new TaskDraft(null, "Позвонить", null, executor.id(), null, null, null, null, null, null, null, 0),
				author);
		EventStreamClient executors = stream(executor);
		EventStreamClient bystanders = stream(bystander);

		bulk.reassign(List.of(task), bystander.id(), author);

		assertThat(executors.next(MyTasksChanges.TOPIC, WAIT)).isNotNull();
		assertThat(bystanders.next(MyTasksChanges.TOPIC, WAIT)).isNotNull();
	}

	@Test
	void the_event_names_only_the_connected_users_it_is_about() {
		assertThat(changes.recipients(executor.id() + "," + bystander.id(), Set.of(executor.id(), author.id())))
			.containsOnlyKeys(executor.id())
			.containsValue(new LiveEvent(MyTasksChanges.TOPIC, "{}"));
		assertThat(changes.recipients("nonsense", Set.of(executor.id()))).isEmpty();
	}

	@Test
	void the_counter_fragment_counts_the_users_own_new_tasks() throws Exception {
		mvc.perform(get("/my-tasks/badge").with(user(executor)))
			.andExpect(content().string(not(containsString("nav-badge"))));
		tasks.create(
				new TaskDraft(null, "Новая задача", null, executor.id(), null, null, null, null, null, null, null, 0),
				author);
		mvc.perform(get("/my-tasks/badge").with(user(executor)))
			.andExpect(content().string(containsString("data-test=\"nav-badge\">1</span>")));
		mvc.perform(get("/my-tasks/badge").with(user(bystander)))
			.andExpect(content().string(not(containsString("nav-badge"))));
	}

	private EventStreamClient stream(CurrentUser user) throws Exception {
		WebSession session = new WebSession(port, "ru");
		assertThat(session.signIn(user.getUsername(), TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		EventStreamClient stream = EventStreamClient.open(port, session.sessionCookie());
		opened.add(stream);
		assertThat(stream.status()).isEqualTo(200);
		return stream;
	}

}
