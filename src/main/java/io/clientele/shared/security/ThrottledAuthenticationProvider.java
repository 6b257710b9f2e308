package io.clientele.shared.security;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in behind the rate limit: a blocked account is refused before its
 * password is even checked (which also keeps the costly hash off an attacker's budget).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String account = authentication.getName();
		Optional<java.time.Duration> blocked = throttle.blockedFor(account);
		if (blocked.isPresent()) {
			throw new LoginThrottled(blocked.get());
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.reset(account);
			return result;
		}
		catch (BadCredentialsException ex) {
			throttle.recordFailure(account);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
