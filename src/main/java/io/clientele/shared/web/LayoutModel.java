package io.clientele.shared.web;

import io.clientele.shared.security.ClienteleUserDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the layout shows around every page (sidebar, signed-in user, current path) to
 * the model of rendered views; redirects and JSON are left alone.
 */
class LayoutModel implements HandlerInterceptor {

	private final Navigation navigation;

	LayoutModel(Navigation navigation) {
		this.navigation = navigation;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		view.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ClienteleUserDetails user) {
			view.addObject("signedIn", user);
			// Until the password is changed nothing else is reachable, so nothing else is
			// offered.
			view.addObject("navigation",
					user.mustChangePassword() ? java.util.Map.of() : navigation.sectionsFor(authentication));
		}
	}

}
