package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.clientele.activities.internal.DateDigest;
import io.clientele.activities.internal.MailOutbox;
import io.clientele.activities.internal.ReminderFiring;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactService;
import io.clientele.clients.KeyDate;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.EventStreamClient;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reminders fire once at their time, also with several nodes polling; they reach the user
 * as notifications (bell, list, live stream) and by mail through a real SMTP server when
 * the user wants; the morning digest of birthdays and key dates goes once a day.
 */
@ClienteleIntegrationTest
class RemindersIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Value("${spring.mail.port}")
	int smtpPort;

	@Autowired
	Reminders reminders;

	@Autowired
	Notifications notifications;

	@Autowired
	ReminderFiring firing;

	@Autowired
	MailOutbox outbox;

	@Autowired
	TaskService tasks;

	@Autowired
	DateDigest digest;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	CurrentUser manager;

	CurrentUser colleague;

	GreenMail smtp;

	final List<AutoCloseable> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		jdbc.sql("update users set email = ?, locale = 'ru' where id = ?")
			.params(manager.getUsername() + "@example.org", manager.id())
			.update();
	}

	@AfterEach
	void tearDown() throws Exception {
		if (smtp != null) {
			smtp.stop();
		}
		for (AutoCloseable closeable : opened) {
			closeable.close();
		}
	}

	@Test
	void each_due_reminder_fires_exactly_once_when_several_nodes_fire_at_the_same_time() throws Exception {
		Instant past = clock.instant().minus(Duration.ofMinutes(5));
		for (long task = 1; task <= 60; task++) {
			reminders.set("test-task", 1_000_000 * manager.id() + task, manager.id(), past, "Позвонить №" + task,
					"/clients");
		}
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> fire = List.of(firing::fireDue, firing::fireDue, firing::fireDue, firing::fireDue);
			int fired = 0;
			for (Future<Integer> node : nodes.invokeAll(fire)) {
				fired += node.get();
			}
			// the application's own poller is one more node: it may have fired some
			assertThat(fired).isLessThanOrEqualTo(60);
		}
		finally {
			nodes.shutdown();
		}
		assertThat(reminderNotifications(manager)).isEqualTo(60);
		assertThat(jdbc.sql("select count(*) from reminders where user_id = ? and fired_at is null")
			.param(manager.id())
			.query(Integer.class)
			.single()).isZero();
		firing.fireDue();
		assertThat(reminderNotifications(manager)).isEqualTo(60);
	}

	@Test
	void a_reminder_waits_for_its_time_fires_again_when_moved_and_never_when_cancelled() {
		long task = 2_000_000 * manager.id();
		reminders.set("test-task", task, manager.id(), clock.instant().plus(Duration.ofHours(1)), "Встреча", null);
		firing.fireDue();
		assertThat(reminderNotifications(manager)).isZero();

		reminders.set("test-task", task, manager.id(), clock.instant().minusSeconds(1), "Встреча", null);
		firing.fireDue();
		assertThat(reminderNotifications(manager)).isEqualTo(1);
		assertThat(reminders.of("test-task", task).orElseThrow().firedAt()).isNotNull();

		// moved to another time: a new reminder
		reminders.set("test-task", task, manager.id(), clock.instant().minusMillis(500), "Встреча", null);
		assertThat(reminders.of("test-task", task).orElseThrow().firedAt()).isNull();
		firing.fireDue();
		assertThat(reminderNotifications(manager)).isEqualTo(2);

		reminders.set("test-task", task + 1, manager.id(), clock.instant().minusSeconds(1), "Отменённая", null);
		reminders.cancel("test-task", task + 1);
		firing.fireDue();
		assertThat(reminderNotifications(manager)).isEqualTo(2);
	}

	@Test
	void a_task_reminds_its_executor_at_its_reminder_time_and_again_when_the_reminder_is_moved() {
		java.time.ZoneId zone = java.time.ZoneId.systemDefault();
		java.time.ZonedDateTime due = clock.instant().atZone(zone).plusHours(3);
		long task = tasks.create(new TaskDraft(null, "Отправить счёт", null, colleague.id(), due.toLocalDate(),
				due.toLocalTime(), null, clock.instant().plus(Duration.ofHours(1)), null, null, null, 0), manager);
		firing.fireDue();
		assertThat(reminderNotifications(colleague)).isZero();

		jdbc.sql("update tasks set remind_at = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusSeconds(5)), task)
			.update();
		firing.fireDue();
		firing.fireDue();
		assertThat(reminderNotifications(colleague)).isEqualTo(1);
		assertThat(notifications.page(colleague.id(), null, 1).get(0).link()).isEqualTo("/tasks/" + task);

		jdbc.sql("update tasks set remind_at = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), task)
			.update();
		firing.fireDue();
		assertThat(reminderNotifications(colleague)).isEqualTo(2);
	}

	@Test
	void a_user_who_wants_mail_gets_the_reminder_by_email_in_their_language() throws Exception {
		smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", "smtp"));
		smtp.start();
		notifications.setByEmail(manager.id(), true);
		reminders.set("test-task", 3_000_000 * manager.id(), manager.id(), clock.instant().minusSeconds(1),
				"Перезвонить в «Ромашку»", "/clients/1");
		firing.fireDue();
		assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessagesForDomain("example.org")[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(manager.getUsername() + "@example.org");
		assertThat(mail.getSubject()).isEqualTo("Напоминание: Перезвонить в «Ромашку»");
		assertThat(mail.getContent().toString()).contains("напоминаем: Перезвонить в «Ромашку»").contains("/clients/1");

		// the colleague wants no mail: a notification only
		reminders.set("test-task", 3_000_000 * manager.id() + 1, colleague.id(), clock.instant().minusSeconds(1),
				"Без почты", null);
		firing.fireDue();
		outbox.sendDue();
		assertThat(reminderNotifications(colleague)).isEqualTo(1);
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void mail_the_server_does_not_take_is_kept_and_sent_on_a_later_attempt() {
		notifications.setByEmail(manager.id(), true);
		reminders.set("test-task", 4_000_000 * manager.id(), manager.id(), clock.instant().minusSeconds(1),
				"Письмо без сервера", null);
		firing.fireDue(); // no SMTP server is listening
		Map<String, Object> row = jdbc.sql("""
				select attempts, sent_at, last_error, next_attempt_at > now() as later from outgoing_mail
				 where subject like '%Письмо без сервера'
				""").query().singleRow();
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("sent_at")).isNull();
		assertThat(row.get("last_error")).isNotNull();
		assertThat(row.get("later")).isEqualTo(true);

		smtp = new GreenMail(new ServerSetup(smtpPort, "localhost", "smtp"));
		smtp.start();
		jdbc.sql("update outgoing_mail set next_attempt_at = now() where subject like '%Письмо без сервера'").update();
		outbox.sendDue(); // or the application's own poller, whichever takes it first
		assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
		assertThat(smtp.getReceivedMessages()).extracting(message -> subject(message))
			.containsExactly("Напоминание: Письмо без сервера");
	}

	@Test
	void the_morning_digest_tells_each_responsible_manager_their_clients_dates_once_a_day() {
		LocalDate today = LocalDate.of(2031, 6, 10);
		long person = clients.create(person("Берёзкина", "Анна", LocalDate.of(1980, 6, 12), List.of()), manager);
		long company = clients
			.create(company("ООО «Календарь»", List.of(new KeyDate("Годовщина договора", LocalDate.of(2020, 6, 15)),
					new KeyDate("Далёкая дата", LocalDate.of(2020, 9, 1)))), manager);
		contacts.create(
				new ContactDraft("Кленов", "Пётр", null, LocalDate.of(1975, 6, 10), List.of(), List.of(), List.of(),
						null, List.of(new ContactDraft.Work(company, null, null, false, false, null)), Map.of()),
				manager);
		clients.create(person("Чужой", "Клиент", LocalDate.of(1990, 6, 11), List.of()), colleague);

		System.err.println("DEBUG " + jdbc.sql("select key_dates::text from clients where id = ?")
			.param(company)
			.query(String.class)
			.single());
		System.err.println("DEBUG " + jdbc.sql("select count(*) from client_contacts where client_id = ?")
			.param(company)
			.query(Integer.class)
			.single());
		assertThat(digest.send(today)).isGreaterThanOrEqualTo(2);
		List<Notifications.Notification> told = notifications.page(manager.id(), null, 10)
			.stream()
			.filter(n -> n.kind().equals("digest"))
			.toList();
		assertThat(told).hasSize(1);
		assertThat(told.get(0).title()).isEqualTo("Памятные даты на 7 дн. вперёд: 3");
		assertThat(told.get(0).body()).containsSubsequence("Кленов Пётр", "Берёзкина Анна", "Годовщина договора")
			.doesNotContain("Далёкая дата")
			.doesNotContain("Чужой");
		assertThat(person).isPositive();

		assertThat(digest.send(today)).isEqualTo(-1);
		assertThat(notifications.page(manager.id(), null, 10).stream().filter(n -> n.kind().equals("digest")))
			.hasSize(1);
	}

	@Test
	void a_user_sees_and_opens_only_their_own_notifications() throws Exception {
		long mine = notifications.notify(manager.id(), "reminder", "Только моё", null, "/deals");
		assertThat(notifications.open(colleague.id(), mine)).isNull();
		assertThat(notifications.unread(manager.id())).isEqualTo(1);

		mvc.perform(get("/notifications/bell").with(user(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Только моё"))));
		mvc.perform(get("/notifications/bell").with(user(manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Только моё")));
		mvc.perform(post("/notifications/{id}/open", mine).with(user(colleague)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(notifications.unread(manager.id())).isEqualTo(1);
		mvc.perform(post("/notifications/{id}/open", mine).with(user(manager)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/deals"));
		assertThat(notifications.unread(manager.id())).isZero();
	}

	@Test
	void a_fired_reminder_reaches_the_users_open_pages_at_once_and_no_one_elses() throws Exception {
		EventStreamClient mine = stream(manager);
		EventStreamClient theirs = stream(colleague);
		reminders.set("test-task", 5_000_000 * manager.id(), manager.id(), clock.instant().minusSeconds(1),
				"Живое напоминание", null);
		firing.fireDue();
		assertThat(mine.next("notification", WAIT)).isNotNull();
		assertThat(theirs.next("notification", Duration.ofMillis(500))).isNull();
	}

	private EventStreamClient stream(CurrentUser user) throws Exception {
		WebSession session = new WebSession(port, "ru");
		assertThat(session.signIn(user.getUsername(), TestUsers.PASSWORD).statusCode()).isEqualTo(302);
		EventStreamClient stream = EventStreamClient.open(port, session.sessionCookie());
		opened.add(stream);
		assertThat(stream.status()).isEqualTo(200);
		return stream;
	}

	private int reminderNotifications(CurrentUser user) {
		return jdbc.sql("select count(*) from notifications where user_id = ? and kind = 'reminder'")
			.param(user.id())
			.query(Integer.class)
			.single();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ClientDraft person(String lastName, String firstName, LocalDate birthday, List<KeyDate> dates) {
		return new ClientDraft(ClientKind.INDIVIDUAL, null, null, lastName, firstName, null, null, null, null, null,
				null, null, null, birthday, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), dates,
				List.of(), null, Map.of());
	}

	private static ClientDraft company(String name, List<KeyDate> dates) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), dates, List.of(),
				null, Map.of());
	}

}
