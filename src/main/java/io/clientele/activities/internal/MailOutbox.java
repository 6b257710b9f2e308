package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail to users, sent after the transaction that decided to send it: {@link #queue}
 * writes it in that transaction; {@link #sendDue} takes due messages, each under a lease
 * (its next attempt moved forward, committed before the SMTP conversation), sends them
 * with no transaction open, and marks them sent, or schedules another attempt with a
 * growing delay (given up after {@value #ATTEMPTS} attempts; the error stays on the row).
 * A node that dies while sending leaves the lease to run out: that message is sent again.
 *
 * <p>
 * Sends only when an SMTP server is configured ({@code SPRING_MAIL_HOST} …); without one,
 * {@link #configured()} is false and nothing is queued.
 */
@Component
public class MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	static final int ATTEMPTS = 8;

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final String from;

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, PlatformTransactionManager transactions,
			Clock clock, @Value("${clientele.mail.from:clientele@localhost}") String from) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.from = from;
	}

	/** Whether an SMTP server is configured. */
	public boolean configured() {
		return sender.getIfAvailable() != null;
	}

	/** Queues a message in the caller's transaction; it goes when that commits. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(String recipient, String subject, String body) {
		jdbc.sql("insert into outgoing_mail (recipient, subject, body, next_attempt_at) values (?, ?, ?, ?)")
			.params(recipient, subject, body, Timestamp.from(clock.instant()))
			.update();
	}

	private record Message(long id, String recipient, String subject, String body, int attempts) {
	}

	/**
	 * Sends the messages that are due, batch after batch.
	 * @return how many were sent
	 */
	@Scheduled(fixedDelayString = "${clientele.mail.poll:10s}", initialDelayString = "${clientele.mail.poll:10s}")
	public int sendDue() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		List<Message> batch;
		do {
			batch = take();
			for (Message message : batch) {
				sent += send(mail, message) ? 1 : 0;
			}
		}
		while (batch.size() == BATCH);
		return sent;
	}

	private List<Message> take() {
		Instant now = clock.instant();
		return transaction.execute(tx -> jdbc.sql("""
				update outgoing_mail m set next_attempt_at = :lease, attempts = m.attempts + 1
				  from (select id from outgoing_mail
				         where sent_at is null and next_attempt_at <= :now and attempts < :attempts
				         order by next_attempt_at, id limit :batch for update skip locked) due
				 where m.id = due.id
				returning m.id, m.recipient, m.subject, m.body, m.attempts
				""")
			.param("lease", Timestamp.from(now.plus(LEASE)))
			.param("now", Timestamp.from(now))
			.param("attempts", ATTEMPTS)
			.param("batch", BATCH)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5)))
			.list());
	}

	private boolean send(JavaMailSender mail, Message message) {
		SimpleMailMessage out = new SimpleMailMessage();
		out.setFrom(from);
		out.setTo(message.recipient());
		out.setSubject(message.subject());
		out.setText(message.body());
		try {
			mail.send(out);
			jdbc.sql("update outgoing_mail set sent_at = ?, last_error = null where id = ?")
				.params(Timestamp.from(clock.instant()), message.id())
				.update();
			return true;
		}
		catch (MailException ex) {
			// 1, 2, 4 … minutes, at most an hour
			Duration delay = Duration.ofMinutes(Math.min(60, 1L << Math.min(6, message.attempts() - 1)));
			log.warn("Mail {} to {} not sent (attempt {} of {}): {}", message.id(), message.recipient(),
					message.attempts(), ATTEMPTS, ex.getMessage());
			jdbc.sql("update outgoing_mail set next_attempt_at = ?, last_error = ? where id = ?")
				.params(Timestamp.from(clock.instant().plus(delay)), String.valueOf(ex.getMessage()), message.id())
				.update();
			return false;
		}
	}

}
