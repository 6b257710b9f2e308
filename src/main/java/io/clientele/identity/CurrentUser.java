package io.clientele.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.clientele.shared.security.ClienteleUserDetails;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in user, as kept in the session. Controllers receive it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 */
public final class CurrentUser implements ClienteleUserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private @Nullable String passwordHash;

	private final String fullName;

	private final Role role;

	private final long departmentId;

	private final String departmentName;

	private final @Nullable Locale preferredLocale;

	private final boolean active;

	private final boolean mustChangePassword;

	public CurrentUser(long id, String username, @Nullable String passwordHash, String fullName, Role role,
			long departmentId, String departmentName, @Nullable Locale preferredLocale, boolean active,
			boolean mustChangePassword) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.departmentId = departmentId;
		this.departmentName = departmentName;
		this.preferredLocale = preferredLocale;
		this.active = active;
		this.mustChangePassword = mustChangePassword;
	}

	@Override
	public long id() {
		return id;
	}

	@Override
	public String displayName() {
		return fullName;
	}

	public Role role() {
		return role;
	}

	public boolean is(Role role) {
		return this.role == role;
	}

	@Override
	public long departmentId() {
		return departmentId;
	}

	public String departmentName() {
		return departmentName;
	}

	@Override
	public @Nullable Locale preferredLocale() {
		return preferredLocale;
	}

	@Override
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	/** The same user after they changed their password. */
	public CurrentUser withPasswordChanged() {
		return new CurrentUser(id, username, null, fullName, role, departmentId, departmentName, preferredLocale,
				active, false);
	}

	public CurrentUser withLocale(Locale locale) {
		return new CurrentUser(id, username, null, fullName, role, departmentId, departmentName, locale, active,
				mustChangePassword);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CurrentUser user && user.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "CurrentUser[" + id + ", " + username + ", " + role + "]";
	}

}
