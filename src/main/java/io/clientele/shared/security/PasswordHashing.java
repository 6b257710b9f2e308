package io.clientele.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed, also where no web server runs (the data set generator).
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt today, stored with its id ({bcrypt}…) so that hashes can move to a newer
		// encoder as users sign in.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
