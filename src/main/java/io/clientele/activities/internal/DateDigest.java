package io.clientele.activities.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.activities.Notifications;
import io.clientele.clients.UpcomingDates;
import io.clientele.clients.UpcomingDates.UpcomingDate;
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
 * Every morning, each responsible manager is told which birthdays and key dates of their
 * clients and contact persons come round in the next days: one notification (and a mail,
 * if they want) listing them. Once a day however many nodes run: the node that records
 * the day in {@code daily_job_runs} sends the digest.
 */
@Component
public class DateDigest {

	static final String JOB = "dates-digest";

	/** A notification's body holds at most this many dates; the rest are counted. */
	static final int LISTED = 40;

	private final JdbcClient jdbc;

	private final UpcomingDates dates;

	private final Notifications notifications;

	private final MailOutbox mail;

	private final UserDirectory users;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int days;

	DateDigest(JdbcClient jdbc, UpcomingDates dates, Notifications notifications, MailOutbox mail, UserDirectory users,
			MessageSource messages, PlatformTransactionManager transactions, Clock clock,
			@Value("${clientele.dates.digest-days:7}") int days) {
		this.jdbc = jdbc;
		this.dates = dates;
		this.notifications = notifications;
		this.mail = mail;
		this.users = users;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.days = days;
	}

	@Scheduled(cron = "${clientele.dates.digest-cron:0 0 7 * * *}")
	void morning() {
		send(LocalDate.now(clock.withZone(ZoneId.systemDefault())));
	}

	/**
	 * Sends the digest of {@code today} unless a node sent it already.
	 * @return how many managers were told, or -1 when the day's digest was sent before
	 */
	public int send(LocalDate today) {
		Integer told = transaction.execute(tx -> {
			int claimed = jdbc.sql("insert into daily_job_runs (job, day) values (?, ?) on conflict do nothing")
				.params(JOB, today)
				.update();
			if (claimed == 0) {
				return -1;
			}
			Map<Long, List<UpcomingDate>> byManager = new LinkedHashMap<>();
			for (UpcomingDate date : dates.within(today, days)) {
				byManager.computeIfAbsent(date.responsibleId(), k -> new java.util.ArrayList<>()).add(date);
			}
			byManager.forEach(this::tell);
			return byManager.size();
		});
		if (told != null && told > 0) {
			mail.sendDue();
		}
		return told == null ? -1 : told;
	}

	private void tell(long managerId, List<UpcomingDate> upcoming) {
		String language = users.language(managerId);
		Locale locale = Locale.forLanguageTag(language == null ? "ru" : language);
		String title = messages.getMessage("reminder.digest.title", new Object[] { upcoming.size(), days }, locale);
		String body = body(upcoming, locale);
		notifications.notify(managerId, "digest", title, body,
				upcoming.size() == 1 ? "/clients/" + upcoming.get(0).clientId() : null);
		if (mail.configured() && notifications.byEmail(managerId)) {
			users.mailAddress(managerId).ifPresent(address -> mail.queue(address.email(), title, body));
		}
	}

	private String body(List<UpcomingDate> upcoming, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		StringBuilder text = new StringBuilder();
		for (UpcomingDate date : upcoming.subList(0, Math.min(LISTED, upcoming.size()))) {
			text.append(day.format(date.on())).append(" — ").append(what(date, locale)).append('\n');
		}
		if (upcoming.size() > LISTED) {
			text.append(messages.getMessage("reminder.digest.more", new Object[] { upcoming.size() - LISTED }, locale));
		}
		String body = text.toString().strip();
		return body.length() <= 4000 ? body : body.substring(0, 3999) + "…";
	}

	private String what(UpcomingDate date, Locale locale) {
		@Nullable Object[] args = { date.clientName(), date.contactName(), date.label(),
				date.on().getYear() - date.date().getYear() };
		return switch (date.kind()) {
			case CLIENT_BIRTHDAY -> messages.getMessage("reminder.digest.client-birthday", args, locale);
			case KEY_DATE -> messages.getMessage("reminder.digest.key-date", args, locale);
			case CONTACT_BIRTHDAY -> messages.getMessage("reminder.digest.contact-birthday", args, locale);
		};
	}

}
