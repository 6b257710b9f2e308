package io.clientele.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import io.clientele.shared.ClienteleProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per account. After {@code maxFailures} within the window the
 * account refuses sign-in for a while, and every further failure doubles that while. Kept
 * in the database so that all nodes of a cluster count together.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final ClienteleProperties.Login settings;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, ClienteleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.settings = properties.login();
		this.clock = clock;
	}

	/** How long the account must still wait, if it is blocked now. */
	@Transactional(readOnly = true)
	public Optional<Duration> blockedFor(String account) {
		Instant now = clock.instant();
		return jdbc.sql("select blocked_until from login_throttles where account = ?")
			.param(key(account))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.filter(now::isBefore)
			.map(until -> Duration.between(now, until));
	}

	/**
	 * Records a wrong password and tells how long the account is blocked now, if it is.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Duration> recordFailure(String account) {
		Instant now = clock.instant();
		Instant windowStart = now.minus(settings.window());
		// One statement, so that concurrent failures on several nodes all count.
		Failures failures = jdbc
			.sql("""
					insert into login_throttles as t (account, failures, window_started_at)
					values (:account, 1, :now)
					on conflict (account) do update set
					  failures = case when t.window_started_at < :windowStart and (t.blocked_until is null or t.blocked_until < :windowStart)
					                  then 1 else t.failures + 1 end,
					  window_started_at = case when t.window_started_at < :windowStart and (t.blocked_until is null or t.blocked_until < :windowStart)
					                  then :now else t.window_started_at end
					returning failures
					""")
			.param("account", key(account))
			.param("now", utc(now))
			.param("windowStart", utc(windowStart))
			.query((rs, row) -> new Failures(rs.getInt(1)))
			.single();
		if (failures.count() < settings.maxFailures()) {
			return Optional.empty();
		}
		Duration block = lockoutAfter(failures.count());
		jdbc.sql("update login_throttles set blocked_until = ? where account = ?")
			.param(utc(now.plus(block)))
			.param(key(account))
			.update();
		return Optional.of(block);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void reset(String account) {
		jdbc.sql("delete from login_throttles where account = ?").param(key(account)).update();
	}

	Duration lockoutAfter(int failures) {
		int doublings = Math.min(failures - settings.maxFailures(), 20);
		Duration block = settings.lockout().multipliedBy(1L << doublings);
		return block.compareTo(settings.maxLockout()) > 0 ? settings.maxLockout() : block;
	}

	private static String key(String account) {
		return account.strip().toLowerCase(Locale.ROOT);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Failures(int count) {
	}

}
