package io.clientele.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.i18n.LocalePreferences;
import io.clientele.shared.security.ApiTokenAuthenticator;
import io.clientele.shared.security.ClienteleUserDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the security chain the users it signs in, by password or by API token.
 */
@Component
class SignInUsers implements UserDetailsService, ApiTokenAuthenticator, LocalePreferences {

	/** Writing the last use of a token on every call would turn reads into writes. */
	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private static final String USER_COLUMNS = """
			select u.id, u.username, u.password_hash, u.full_name, u.role, u.department_id, d.name as department_name,
			       u.locale, u.active, u.must_change_password""";

	private static final String FROM_USERS = """

			  from users u join departments d on d.id = u.department_id
			""";

	private static final String SELECT_USER = USER_COLUMNS + FROM_USERS;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final Clock clock;

	SignInUsers(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql(SELECT_USER + " where lower(u.username) = lower(?)")
			.param(username.strip())
			.query(SignInUsers::currentUser)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	/**
	 * One read per call; the last use is written only when it is older than
	 * {@link #LAST_USE_PRECISION} (outside a transaction: each statement commits by
	 * itself).
	 */
	@Override
	public Optional<ClienteleUserDetails> authenticate(String token) {
		if (!token.startsWith(ApiTokens.PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		byte[] hash = ApiTokens.hash(token);
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		OffsetDateTime stale = now.minus(LAST_USE_PRECISION);
		boolean[] used = new boolean[1];
		Optional<CurrentUser> user = jdbc.sql(USER_COLUMNS + ", t.last_used_at" + FROM_USERS + """
				 join api_tokens t on t.user_id = u.id
				 where t.token_hash = ? and t.revoked_at is null and u.active
				""").param(hash).query((rs, row) -> {
			OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
			used[0] = lastUsed != null && !lastUsed.isBefore(stale);
			return currentUser(rs, row);
		}).optional();
		if (user.isPresent() && !used[0]) {
			jdbc.sql("""
					update api_tokens set last_used_at = :now
					 where token_hash = :hash and (last_used_at is null or last_used_at < :stale)
					""").param("now", now).param("hash", hash).param("stale", stale).update();
		}
		return user.map(ClienteleUserDetails.class::cast);
	}

	@Override
	public void store(long userId, Locale locale) {
		accounts.preferLocale(userId, locale);
	}

	private static CurrentUser currentUser(ResultSet rs, int row) throws SQLException {
		String locale = rs.getString("locale");
		return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				rs.getString("full_name"), Role.valueOf(rs.getString("role")), rs.getLong("department_id"),
				rs.getString("department_name"), locale == null ? null : Locale.forLanguageTag(locale),
				rs.getBoolean("active"), rs.getBoolean("must_change_password"));
	}

}
