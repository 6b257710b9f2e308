package io.clientele.identity.internal;

import java.time.Instant;
import java.util.Locale;

import io.clientele.identity.Role;
import io.clientele.shared.Aggregate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in. Never deleted: a deactivated user cannot sign in and keeps
 * everything they did.
 */
@Entity
@Table(name = "users")
public class User extends Aggregate {

	private String username;

	private String fullName;

	private @Nullable String email;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private long departmentId;

	@Column(name = "locale")
	private @Nullable String localeTag;

	private boolean active = true;

	private boolean mustChangePassword = true;

	private @Nullable Instant passwordChangedAt;

	private Instant createdAt = Instant.now();

	private @Nullable Instant deactivatedAt;

	protected User() {
		this.username = "";
		this.fullName = "";
		this.passwordHash = "";
		this.role = Role.SALES_MANAGER;
	}

	/** A new account with a password the user must change at first sign-in. */
	User(String username, String fullName, @Nullable String email, Role role, long departmentId,
			String temporaryPasswordHash) {
		this.username = username;
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.departmentId = departmentId;
		this.passwordHash = temporaryPasswordHash;
	}

	void edit(String fullName, @Nullable String email, Role role, long departmentId) {
		this.fullName = fullName;
		this.email = email;
		this.role = role;
		this.departmentId = departmentId;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
		this.passwordChangedAt = now;
	}

	void resetPassword(String temporaryHash, Instant now) {
		this.passwordHash = temporaryHash;
		this.mustChangePassword = true;
		this.passwordChangedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.deactivatedAt = now;
	}

	void reactivate() {
		this.active = true;
		this.deactivatedAt = null;
	}

	void preferLocale(Locale locale) {
		this.localeTag = locale.getLanguage();
	}

	public String username() {
		return username;
	}

	public String fullName() {
		return fullName;
	}

	public @Nullable String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	public Role role() {
		return role;
	}

	public long departmentId() {
		return departmentId;
	}

	public @Nullable Locale preferredLocale() {
		return localeTag == null ? null : Locale.forLanguageTag(localeTag);
	}

	public boolean active() {
		return active;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public @Nullable Instant passwordChangedAt() {
		return passwordChangedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Instant deactivatedAt() {
		return deactivatedAt;
	}

}
