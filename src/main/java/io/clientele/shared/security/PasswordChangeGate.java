package io.clientele.shared.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a user whose password must be changed (first sign-in, after a reset) on the
 * change-password page until they have changed it.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD_PAGE = "/account/password";

	private static final Set<String> OPEN_PREFIXES = Set.of(CHANGE_PASSWORD_PAGE, "/logout", "/language", "/error",
			"/webjars/", "/static/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ClienteleUserDetails user
				&& user.mustChangePassword() && !isOpen(request)) {
			String target = request.getContextPath() + CHANGE_PASSWORD_PAGE;
			if (request.getHeader("HX-Request") != null) {
				// a part of the change-password page itself gets nothing: sending that
				// page
				// there again would reload it for ever
				String from = request.getHeader("HX-Current-URL");
				if (from == null || !java.net.URI.create(from).getPath().endsWith(CHANGE_PASSWORD_PAGE)) {
					response.setHeader("HX-Redirect", target);
				}
				response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			}
			else {
				response.sendRedirect(target);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isOpen(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return OPEN_PREFIXES.stream().anyMatch(path::startsWith);
	}

}
