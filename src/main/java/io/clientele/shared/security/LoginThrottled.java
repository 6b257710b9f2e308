package io.clientele.shared.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Sign-in refused without looking at the password: the account had too many wrong ones.
 */
public class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottled(Duration retryAfter) {
		super("Too many failed sign-in attempts; retry in " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

}
