package io.clientele.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A token is 32 random bytes; since it cannot be guessed, a plain
 * SHA-256 of it is a safe and fast thing to store and look up (unlike a password).
 */
@Service
public class ApiTokens {

	static final String PREFIX = "clt_";

	static final int MAX_ACTIVE_PER_USER = 20;

	private static final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, JdbcClient jdbc, Clock clock) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A token as its owner's list shows it: never the secret, only its last characters.
	 */
	public record TokenRow(long id, String name, String hint, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	/**
	 * A new token; the secret exists only in this object and is shown once (it passes
	 * through the session as a flash attribute).
	 */
	public record Issued(long id, String name, String secret) implements java.io.Serializable {
	}

	@Transactional
	public Issued issue(long userId, String name) {
		if (tokens.countActive(userId) >= MAX_ACTIVE_PER_USER) {
			throw new RuleViolation("name", "token.too-many", MAX_ACTIVE_PER_USER);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens
			.save(new ApiToken(userId, name.strip(), hash(secret), secret.substring(secret.length() - 4)));
		return new Issued(token.id(), name.strip(), secret);
	}

	@Transactional
	public void revoke(long userId, long tokenId) {
		ApiToken token = tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new RecordNotFound("ApiToken", tokenId));
		token.revoke(clock.instant());
		tokens.save(token);
	}

	@Transactional(readOnly = true)
	public List<TokenRow> of(long userId) {
		return jdbc.sql("""
				select id, name, token_hint, created_at, last_used_at, revoked_at
				  from api_tokens where user_id = ?
				 order by revoked_at is not null, created_at desc
				""")
			.param(userId)
			.query((rs, row) -> new TokenRow(rs.getLong("id"), rs.getString("name"), rs.getString("token_hint"),
					rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
					instant(rs.getObject("last_used_at", java.time.OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", java.time.OffsetDateTime.class))))
			.list();
	}

	static byte[] hash(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static @Nullable Instant instant(java.time.@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
