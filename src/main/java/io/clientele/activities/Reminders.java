package io.clientele.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders of things planned for a time: one per thing (a task, a planned call…), for
 * one user. The owner of the thing sets it when the thing is planned or moved, and
 * cancels it when the thing is done or deleted, in its own transaction. At its time the
 * reminder becomes a notification (and a mail, if the user wants), exactly once also with
 * several nodes and after a restart.
 */
@Service
public class Reminders {

	private final JdbcClient jdbc;

	Reminders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets the reminder of a thing, replacing the one it had: a new time fires again even
	 * if the old one fired already.
	 * @param subjectKind what the thing is, in lower case ({@code task},
	 * {@code interaction})
	 * @param link where the notification leads, a path in the application
	 */
	@Transactional
	public void set(String subjectKind, long subjectId, long userId, Instant dueAt, String title,
			@Nullable String link) {
		jdbc.sql("""
				insert into reminders (subject_kind, subject_id, user_id, due_at, title, link)
				values (:kind, :id, :user, :due, :title, :link)
				on conflict (subject_kind, subject_id) do update
				   set user_id = excluded.user_id, due_at = excluded.due_at, title = excluded.title,
				       link = excluded.link,
				       fired_at = case when reminders.due_at = excluded.due_at and reminders.user_id = excluded.user_id
				                       then reminders.fired_at end
				""")
			.param("kind", subjectKind)
			.param("id", subjectId)
			.param("user", userId)
			.param("due", Timestamp.from(dueAt))
			.param("title", shortened(title))
			.param("link", link)
			.update();
	}

	/** Removes the reminder of a thing, if it has one. */
	@Transactional
	public void cancel(String subjectKind, long subjectId) {
		jdbc.sql("delete from reminders where subject_kind = ? and subject_id = ?")
			.params(subjectKind, subjectId)
			.update();
	}

	/** A reminder as its owner sees it. */
	public record Reminder(String subjectKind, long subjectId, long userId, Instant dueAt, @Nullable Instant firedAt) {
	}

	@Transactional(readOnly = true)
	public Optional<Reminder> of(String subjectKind, long subjectId) {
		return jdbc.sql("""
				select subject_kind, subject_id, user_id, due_at, fired_at from reminders
				 where subject_kind = ? and subject_id = ?
				""")
			.params(subjectKind, subjectId)
			.query((rs, n) -> new Reminder(rs.getString(1), rs.getLong(2), rs.getLong(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.optional();
	}

	static String shortened(String text) {
		String stripped = text.strip();
		return stripped.length() <= 300 ? stripped : stripped.substring(0, 299) + "…";
	}

}
