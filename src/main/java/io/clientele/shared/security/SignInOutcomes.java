package io.clientele.shared.security;

import java.io.IOException;

import io.clientele.shared.i18n.ClienteleLocaleResolver;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the sign-in form leads: on success to the page asked for (with the user's own
 * language switched on), on failure back to the form with the reason, which the form
 * shows.
 */
final class SignInOutcomes {

	private SignInOutcomes() {
	}

	static class Success extends SavedRequestAwareAuthenticationSuccessHandler {

		private final ClienteleLocaleResolver locales;

		Success(ClienteleLocaleResolver locales) {
			this.locales = locales;
			setDefaultTargetUrl("/");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			if (authentication.getPrincipal() instanceof ClienteleUserDetails user && user.preferredLocale() != null) {
				locales.setLocale(request, response, user.preferredLocale());
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	static class Failure implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			var target = UriComponentsBuilder.fromPath(request.getContextPath() + "/login");
			if (exception instanceof LoginThrottled throttled) {
				target.queryParam("error", "throttled")
					.queryParam("wait", Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000));
			}
			else if (exception instanceof DisabledException) {
				target.queryParam("error", "deactivated");
			}
			else {
				target.queryParam("error", "credentials");
			}
			String username = request.getParameter("username");
			if (username != null && username.length() <= 100) {
				request.getSession().setAttribute(LAST_USERNAME, username);
			}
			response.sendRedirect(target.build().encode().toUriString());
		}

	}

	/**
	 * The name typed into the failed form, shown again so the user need not retype it.
	 */
	static final String LAST_USERNAME = "clientele.lastUsername";

}
