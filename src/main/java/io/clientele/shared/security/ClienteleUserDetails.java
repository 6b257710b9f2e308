package io.clientele.shared.security;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the security chain needs to know of a signed-in user beyond Spring Security's
 * {@link UserDetails}; the identity module provides the implementation.
 */
public interface ClienteleUserDetails extends UserDetails {

	long id();

	String displayName();

	/** The department the user works in (saved views are shared within it). */
	long departmentId();

	/**
	 * Set for a new account and after a password reset: nothing works until it is
	 * changed.
	 */
	boolean mustChangePassword();

	@Nullable Locale preferredLocale();

}
