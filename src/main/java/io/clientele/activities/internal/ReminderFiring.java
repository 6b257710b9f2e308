package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.clientele.activities.Notifications;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.web.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the reminders that are due: those set through {@code Reminders}, tasks at their
 * reminder time, planned calls, meetings and visits {@link #BEFORE_INTERACTION} before
 * they begin. Each becomes a notification for its user, and a mail when they want one.
 * Every node polls; a node claims due reminders with {@code FOR UPDATE SKIP LOCKED} and
 * marks them fired in the transaction that writes the notifications, so a reminder fires
 * once however many nodes poll, and one that fell due while no node ran fires at the next
 * poll after a start.
 */
@Component
public class ReminderFiring {

	static final int BATCH = 200;

	/** A planned call, meeting or visit reminds its executor this long before. */
	static final Duration BEFORE_INTERACTION = Duration.ofMinutes(15);

	/**
	 * Reminders of tasks and interactions older than this are not fired any more: a node
	 * down for longer, or an upgrade that brings old planned things, does not flood
	 * anyone.
	 */
	static final Duration STALE = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final MailOutbox mail;

	private final UserDirectory users;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PublicAddress address;

	ReminderFiring(JdbcClient jdbc, Notifications notifications, MailOutbox mail, UserDirectory users,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock, PublicAddress address) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.mail = mail;
		this.users = users;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.address = address;
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
		while (batch > 0);
		if (fired > 0) {
			mail.sendDue();
		}
		return fired;
	}

	private int fireBatch(Instant now) {
		List<Due> due = new java.util.ArrayList<>(claimReminders(now));
		due.addAll(claimTasks(now));
		due.addAll(claimInteractions(now));
		tell(due);
		return due.size();
	}

	/** Tasks whose reminder time has come, marked as reminded for that time. */
	private List<Due> claimTasks(Instant now) {
		return jdbc.sql("""
				update tasks t set reminded_for = t.remind_at, reminded_at = :now
				  from (select id from tasks
				         where remind_at <= :now and remind_at > :stale and reminded_for is distinct from remind_at
				           and deleted_at is null and state <> 'DONE'
				         order by remind_at limit :batch for update skip locked) d
				 where t.id = d.id
				returning t.id, t.executor_id, coalesce(t.due_at, t.remind_at), t.title, '/tasks/' || t.id
				""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minus(STALE)))
			.param("batch", BATCH)
			.query(ReminderFiring::due)
			.list();
	}

	/** Planned interactions that begin within {@link #BEFORE_INTERACTION}. */
	private List<Due> claimInteractions(Instant now) {
		return jdbc.sql("""
				update interactions i set reminded_for = i.planned_at
				  from (select id from interactions
				         where planned_at <= :soon and planned_at > :stale and state = 'PLANNED'
				           and deleted_at is null and reminded_for is distinct from planned_at
				         order by planned_at limit :batch for update skip locked) d
				 where i.id = d.id
				returning i.id, i.responsible_id, i.planned_at, i.subject, '/interactions/' || i.id
				""")
			.param("soon", Timestamp.from(now.plus(BEFORE_INTERACTION)))
			.param("stale", Timestamp.from(now.minus(STALE)))
			.param("batch", BATCH)
			.query(ReminderFiring::due)
			.list();
	}

	private static Due due(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Due(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5));
	}

	private List<Due> claimReminders(Instant now) {
		return jdbc.sql("""
				update reminders r set fired_at = :now
				  from (select id from reminders where fired_at is null and due_at <= :now
				         order by due_at, id limit :batch for update skip locked) d
				 where r.id = d.id
				returning r.id, r.user_id, r.due_at, r.title, r.link
				""").param("now", Timestamp.from(now)).param("batch", BATCH).query(ReminderFiring::due).list();
	}

	private void tell(List<Due> due) {
		// who of these users wants mail: one look-up for the batch, not one per reminder
		java.util.Set<Long> mailed = mail.configured()
				? notifications.wantingMail(due.stream().map(Due::userId).toList()) : java.util.Set.of();
		for (Due reminder : due) {
			notifications.notify(reminder.userId(), "reminder", reminder.title(), null, reminder.link());
			if (mailed.contains(reminder.userId())) {
				users.mailAddress(reminder.userId()).ifPresent(to -> {
					Locale locale = to.locale() == null ? Locale.forLanguageTag("ru")
							: Locale.forLanguageTag(to.locale());
					String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
						.withLocale(locale)
						.withZone(ZoneId.systemDefault())
						.format(reminder.dueAt());
					mail.queue(to.email(),
							messages.getMessage("reminder.mail.subject", new Object[] { reminder.title() }, locale),
							messages.getMessage("reminder.mail.body", new Object[] { to.fullName(), reminder.title(),
									when, address.link(reminder.link()) }, locale));
				});
			}
		}
	}

}
