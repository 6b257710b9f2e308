package io.clientele.activities;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.shared.live.LiveEvent;
import io.clientele.shared.live.LiveEvents;
import io.clientele.shared.live.LiveTopic;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What users are told in the application: the bell in the top bar with the unread count,
 * and the list behind it. A new notification reaches the user's open pages at once over
 * their live stream (topic {@value #TOPIC}); it names nothing but its own user.
 */
@Service
public class Notifications implements LiveTopic {

	static final String TOPIC = "notification";

	/** The bell counts up to this many unread notifications; more show as "99+". */
	public static final int COUNTED = 99;

	private final JdbcClient jdbc;

	private final LiveEvents live;

	private final Clock clock;

	Notifications(JdbcClient jdbc, LiveEvents live, Clock clock) {
		this.jdbc = jdbc;
		this.live = live;
		this.clock = clock;
	}

	public record Notification(long id, String kind, String title, @Nullable String body, @Nullable String link,
			Instant createdAt, @Nullable Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}

	}

	/**
	 * Tells a user something, in the caller's transaction: it shows when that commits.
	 * @param kind what it is about, in lower case ({@code reminder}, {@code digest})
	 * @return the notification's id
	 */
	@Transactional
	public long notify(long userId, String kind, String title, @Nullable String body, @Nullable String link) {
		long id = jdbc.sql("""
				insert into notifications (user_id, kind, title, body, link, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(userId, kind, Reminders.shortened(title), body, link, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		live.publish(TOPIC, Long.toString(userId));
		return id;
	}

	/**
	 * How many notifications the user has not read, counted up to {@link #COUNTED} + 1.
	 */
	@Transactional(readOnly = true)
	public int unread(long userId) {
		return jdbc.sql("""
				select count(*) from (select 1 from notifications where user_id = ? and read_at is null limit ?) n
				""").params(userId, COUNTED + 1).query(Integer.class).single();
	}

	/**
	 * A page of the user's notifications, newest first.
	 * @param before the id of the last one of the previous page, or null for the newest
	 */
	@Transactional(readOnly = true)
	public List<Notification> page(long userId, @Nullable Long before, int size) {
		return jdbc.sql("""
				select n.id, n.kind, n.title, n.body, n.link, n.created_at, n.read_at from notifications n
				 where n.user_id = :user
				   and (cast(:before as bigint) is null
				        or (n.created_at, n.id) < (select b.created_at, b.id from notifications b
				                                     where b.id = :before and b.user_id = :user))
				 order by n.created_at desc, n.id desc limit :size
				""")
			.param("user", userId)
			.param("before", before)
			.param("size", size)
			.query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * Marks one of the user's notifications read.
	 * @return its link, or null when it has none or is not the user's
	 */
	@Transactional
	public @Nullable String open(long userId, long id) {
		return jdbc.sql("""
				update notifications set read_at = coalesce(read_at, :now) where id = :id and user_id = :user
				returning link
				""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("user", userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Transactional
	public int readAll(long userId) {
		int read = jdbc.sql("update notifications set read_at = ? where user_id = ? and read_at is null")
			.params(Timestamp.from(clock.instant()), userId)
			.update();
		live.publish(TOPIC, Long.toString(userId));
		return read;
	}

	/** Whether the user also wants reminders and digests by e-mail. */
	@Transactional(readOnly = true)
	public boolean byEmail(long userId) {
		return jdbc.sql("select by_email from notification_settings where user_id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Which of these users want reminders and digests by e-mail. */
	@Transactional(readOnly = true)
	public Set<Long> wantingMail(java.util.Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("select user_id from notification_settings where by_email and user_id = any(?)")
			.param(userIds.stream().distinct().toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	@Transactional
	public void setByEmail(long userId, boolean byEmail) {
		jdbc.sql("""
				insert into notification_settings (user_id, by_email) values (?, ?)
				on conflict (user_id) do update set by_email = excluded.by_email
				""").params(userId, byEmail).update();
	}

	@Override
	public String name() {
		return TOPIC;
	}

	/** Only the user named; the page asks for the count and the list itself. */
	@Override
	public Map<Long, LiveEvent> recipients(String payload, Set<Long> connected) {
		long userId;
		try {
			userId = Long.parseLong(payload);
		}
		catch (NumberFormatException ex) {
			return Map.of();
		}
		return connected.contains(userId) ? Map.of(userId, new LiveEvent(TOPIC, "{}")) : Map.of();
	}

}
