package io.clientele.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegation while absent: a user (or an administrator for them) names a deputy for a
 * period of days. During it {@link AccessScopes} gives the deputy the absent user's scope
 * too, modules that hand out work (tasks) give the absent user's new work to the deputy
 * ({@link #deputyOf}), and the history names the absent user when the deputy changes
 * their records ({@link #standingInFor}). Days are the installation's days.
 */
@Service
public class Deputies {

	/** The longest period a deputy is named for at once. */
	static final int LONGEST_YEARS = 1;

	private static final String SELECT = """
			select d.id, d.user_id, u.full_name, d.deputy_id, p.full_name, d.starts_on, d.ends_on
			  from user_deputies d join users u on u.id = d.user_id join users p on p.id = d.deputy_id
			""";

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

		/** Whether the deputy stands in on that day (rather than later). */
		public boolean underWay(LocalDate day) {
			return !day.isBefore(startsOn) && !day.isAfter(endsOn);
		}

	}

	/**
	 * Names a deputy for the days from {@code startsOn} to {@code endsOn}. A user names
	 * their own; an administrator anyone's. The period may have begun but not ended,
	 * lasts at most a year, and does not overlap another deputy's period for the same
	 * user (so that new work has one place to go).
	 * @throws RuleViolation naming the form field ({@code deputyId}, {@code startsOn},
	 * {@code endsOn}) that is wrong
	 */
	@Transactional
	public long name(long userId, @Nullable Long deputyId, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
			CurrentUser actor) {
		if (actor.id() != userId && !actor.is(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only the user or an administrator names a deputy");
		}
		if (users.find(userId).isEmpty()) {
			throw new RecordNotFound("User", userId);
		}
		if (deputyId == null || deputyId == userId || users.find(deputyId).filter(UserSummary::active).isEmpty()) {
			throw new RuleViolation("deputyId", "deputy.invalid");
		}
		checkPeriod(startsOn, endsOn);
		overlapping(userId, startsOn, endsOn).ifPresent(other -> {
			throw new RuleViolation("startsOn", "deputy.overlaps", other.deputyName(), other.startsOn(),
					other.endsOn());
		});
		return jdbc.sql("""
				insert into user_deputies (user_id, deputy_id, starts_on, ends_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""")
			.params(userId, deputyId, startsOn, endsOn, actor.id(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
			.query(Long.class)
			.single();
	}

	private void checkPeriod(@Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
		if (startsOn == null) {
			throw new RuleViolation("startsOn", "deputy.period-invalid");
		}
		if (endsOn == null || endsOn.isBefore(startsOn) || endsOn.isAfter(startsOn.plusYears(LONGEST_YEARS))) {
			throw new RuleViolation("endsOn", "deputy.period-invalid");
		}
		if (endsOn.isBefore(today())) {
			throw new RuleViolation("endsOn", "deputy.period-over");
		}
	}

	private Optional<Deputy> overlapping(long userId, LocalDate startsOn, LocalDate endsOn) {
		return jdbc.sql(SELECT + """
				 where d.user_id = :user and d.starts_on <= :ends and d.ends_on >= :starts
				 order by d.starts_on limit 1
				""")
			.param("user", userId)
			.param("starts", startsOn)
			.param("ends", endsOn)
			.query(Deputies::deputy)
			.optional();
	}

	/**
	 * Ends a delegation, by the absent user or an administrator: one that has not begun
	 * yet (or begins today) is removed; one under way ends yesterday, so that the deputy
	 * stops standing in now and the days they stood in stay on record.
	 */
	@Transactional
	public void end(long id, CurrentUser actor) {
		LocalDate today = today();
		int changed = jdbc.sql("""
				delete from user_deputies
				 where id = :id and (user_id = :actor or :admin) and starts_on >= :today
				""")
			.param("id", id)
			.param("actor", actor.id())
			.param("admin", actor.is(Role.ADMINISTRATOR))
			.param("today", today)
			.update();
		if (changed == 0) {
			changed = jdbc.sql("""
					update user_deputies set ends_on = :yesterday
					 where id = :id and (user_id = :actor or :admin) and ends_on >= :today
					""")
				.param("id", id)
				.param("actor", actor.id())
				.param("admin", actor.is(Role.ADMINISTRATOR))
				.param("today", today)
				.param("yesterday", today.minusDays(1))
				.update();
		}
		if (changed == 0) {
			throw new RecordNotFound("Deputy", id);
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

	/** The users the deputy stands in for at that moment (on its day). */
	@Transactional(readOnly = true)
	public List<Long> standingInFor(long deputyId, Instant at) {
		return standingInFor(deputyId, LocalDate.ofInstant(at, ZoneId.systemDefault()));
	}

	/**
	 * The user's deputies now and later, and whom they stand in for now and later,
	 * soonest first.
	 */
	@Transactional(readOnly = true)
	public List<Deputy> around(long userId) {
		return jdbc.sql(SELECT + """
				 where (d.user_id = :user or d.deputy_id = :user) and d.ends_on >= :today
				 order by d.starts_on, d.id
				""").param("user", userId).param("today", today()).query(Deputies::deputy).list();
	}

	/** Today in the installation's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.systemDefault()));
	}

	private static Deputy deputy(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Deputy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class));
	}

}
