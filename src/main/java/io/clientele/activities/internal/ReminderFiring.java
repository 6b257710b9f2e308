package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.clientele.activities.Notifications;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the reminders that are due: each becomes a notification for its user, and a mail
 * when they want one. Every node polls; a node claims due reminders with
 * {@code FOR UPDATE SKIP LOCKED} and marks them fired in the transaction that writes the
 * notifications, so a reminder fires once however many nodes poll, and one that fell due
 * while no node ran fires at the next poll after a start.
 */
@Component
public class ReminderFiring {

	static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final MailOutbox mail;

	private final UserDirectory users;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String baseUrl;

	ReminderFiring(JdbcClient jdbc, Notifications notifications, MailOutbox mail, UserDirectory users,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock,
			@Value("${clientele.base-url:}") String baseUrl) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.mail = mail;
		this.users = users;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private record Due(long id, long userId, Instant dueAt, String title, @Nullable String link) {
	}

	@Scheduled(fixedDelayString = "${clientele.reminders.poll:15s}",
			initialDelayString = "${clientele.reminders.poll:15s}")
	void poll() {
		fireDue();
	}

	/**
	 * Fires every reminder due by now, batch after batch.
	 * @return how many this call fired (others may have been fired by other nodes)
	 */
	public int fireDue() {
		int fired = 0;
		int batch;
		do {
			batch = transaction.execute(tx -> fireBatch(clock.instant()));
			fired += batch;
		}
		while (batch == BATCH);
		if (fired > 0) {
			mail.sendDue();
		}
		return fired;
	}

	private int fireBatch(Instant now) {
		List<Due> due = jdbc.sql("""
				update reminders r set fired_at = :now
				  from (select id from reminders where fired_at is null and due_at <= :now
				         order by due_at, id limit :batch for update skip locked) d
				 where r.id = d.id
				returning r.id, r.user_id, r.due_at, r.title, r.link
				""")
			.param("now", Timestamp.from(now))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
		boolean mailing = mail.configured();
		for (Due reminder : due) {
			notifications.notify(reminder.userId(), "reminder", reminder.title(), null, reminder.link());
			if (mailing && notifications.byEmail(reminder.userId())) {
				users.mailAddress(reminder.userId()).ifPresent(address -> {
					Locale locale = address.locale() == null ? Locale.forLanguageTag("ru")
							: Locale.forLanguageTag(address.locale());
					String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
						.withLocale(locale)
						.withZone(ZoneId.systemDefault())
						.format(reminder.dueAt());
					mail.queue(address.email(),
							messages.getMessage("reminder.mail.subject", new Object[] { reminder.title() }, locale),
							messages.getMessage("reminder.mail.body",
									new Object[] { address.fullName(), reminder.title(), when, link(reminder.link()) },
									locale));
				});
			}
		}
		return due.size();
	}

	private String link(@Nullable String path) {
		return path == null ? "" : baseUrl + path;
	}

}
