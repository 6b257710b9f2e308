package io.clientele.shared.security;

import io.clientele.shared.i18n.ClienteleLocaleResolver;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two chains: the API under {@code /api} (personal tokens, no session, no CSRF, problem
 * details for every refusal) and the pages (form sign-in, sessions, CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
			LoginThrottle throttle) {
		var passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(encoder);
		var manager = new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenAuthenticator tokens, ProblemResponses problems)
			throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/api/docs", "/api/docs/**", "/actuator/health", "/actuator/health/**")
				.permitAll()
				// the company's website posts leads here with a form secret, not a user
				// token
				.requestMatchers("/api/v1/leads/intake")
				.permitAll()
				// calendar programs subscribe with the secret in the address
				.requestMatchers("/api/v1/calendar/feeds/*")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMINISTRATOR")
				.anyRequest()
				.authenticated())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer");
				problems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "problem.unauthenticated");
			})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						HttpServletResponse.SC_FORBIDDEN, "problem.forbidden")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, ClienteleLocaleResolver locales,
			SecurityContextRepository contexts, AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/language", "/error", "/error/**", "/webjars/**", "/static/**",
						"/favicon.ico", "/swagger-ui/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new SignInOutcomes.Success(locales))
				.failureHandler(new SignInOutcomes.Failure()))
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(sessions -> sessions.invalidSessionUrl("/login?expired"))
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp
					.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
							+ "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
			.addFilterBefore(new PasswordChangeGate(), AuthorizationFilter.class);
		return http.build();
	}

}
