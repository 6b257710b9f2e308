package io.clientele.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation while absent: a user (or an administrator for them) names a deputy for a
 * period of days. During it {@link AccessScopes} gives the deputy the absent user's scope
 * too, and modules that hand out work (tasks) give the absent user's new work to the
 * deputy ({@link #deputyOf}) and note in a record's history when a deputy acted for the
 * absent user ({@link #standingInFor}). Days are the installation's days.
 */
@Service
public class Deputies {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final Clock clock;

	Deputies(JdbcClient jdbc, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * A deputy standing in for a user.
	 *
	 * @param userName the absent user
	 * @param deputyName who stands in for them
	 */
	public record Deputy(long id, long userId, String userName, long deputyId, String deputyName, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/**
	 * Names a deputy for the days from {@code startsOn} to {@code endsOn}. A user names
	 * their own; an administrator anyone's.
	 */
	@Transactional
	public long name(long userId, long deputyId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			CurrentUser actor) {
		if (actor.id() != userId && !actor.is(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only the user or an administrator names a deputy");
		}
		if (deputyId == userId || users.find(deputyId).filter(UserSummary::active).isEmpty()) {
			throw new RuleViolation("deputyId", "deputy.invalid");
		}
		if (startsOn == null) {
			throw new RuleViolation("startsOn", "deputy.period-invalid");
		}
		if (endsOn == null || endsOn.isBefore(startsOn) || endsOn.isAfter(startsOn.plusYears(1))) {
			throw new RuleViolation("endsOn", "deputy.period-invalid");
		}
		return jdbc.sql("""
				insert into user_deputies (user_id, deputy_id, starts_on, ends_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(userId, deputyId, startsOn, endsOn, actor.id(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
			.query(Long.class)
			.single();
	}

	/** Ends a delegation (removes it), by the absent user or an administrator. */
	@Transactional
	public void cancel(long id, CurrentUser actor) {
		int removed = jdbc.sql("delete from user_deputies where id = ? and (user_id = ? or ?)")
			.params(id, actor.id(), actor.is(Role.ADMINISTRATOR))
			.update();
		if (removed == 0) {
			throw new io.clientele.shared.RecordNotFound("Deputy", id);
		}
	}

	/** Who stands in for the user on that day, if anyone. */
	@Transactional(readOnly = true)
	public Optional<Long> deputyOf(long userId, LocalDate day) {
		return jdbc.sql("""
				select deputy_id from user_deputies where user_id = ? and ? between starts_on and ends_on
				 order by id desc limit 1
				""").params(userId, day).query(Long.class).optional();
	}

	/** The users the deputy stands in for on that day. */
	@Transactional(readOnly = true)
	public List<Long> standingInFor(long deputyId, LocalDate day) {
		return jdbc.sql("select user_id from user_deputies where deputy_id = ? and ? between starts_on and ends_on")
			.params(deputyId, day)
			.query(Long.class)
			.list();
	}

	/** The user's deputies now and later, and whom they stand in for, soonest first. */
	@Transactional(readOnly = true)
	public List<Deputy> around(long userId) {
		return jdbc.sql("""
				select d.id, d.user_id, u.full_name, d.deputy_id, p.full_name, d.starts_on, d.ends_on
				  from user_deputies d join users u on u.id = d.user_id join users p on p.id = d.deputy_id
				 where (d.user_id = :user or d.deputy_id = :user) and d.ends_on >= :today
				 order by d.starts_on, d.id
				""")
			.param("user", userId)
			.param("today", today())
			.query((rs, n) -> new Deputy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
			.list();
	}

	/** Today in the installation's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
	}

}
