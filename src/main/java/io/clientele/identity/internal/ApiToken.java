package io.clientele.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A personal API token. Only a hash of the secret is kept; the secret is shown once.
 */
@Entity
@Table(name = "api_tokens")
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long userId;

	private String name;

	private byte[] tokenHash;

	private String tokenHint;

	private Instant createdAt = Instant.now();

	private @Nullable Instant lastUsedAt;

	private @Nullable Instant revokedAt;

	protected ApiToken() {
		this.name = "";
		this.tokenHash = new byte[0];
		this.tokenHint = "";
	}

	ApiToken(long userId, String name, byte[] tokenHash, String tokenHint) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash.clone();
		this.tokenHint = tokenHint;
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	long id() {
		return id == null ? 0 : id;
	}

	long userId() {
		return userId;
	}

	boolean revoked() {
		return revokedAt != null;
	}

}
