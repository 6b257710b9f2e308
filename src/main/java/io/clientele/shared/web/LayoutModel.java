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
 * the model of rendered views; redirects and JSON are left alone, and fragments (htmx
 * answers) get no sidebar.
 */
class LayoutModel implements HandlerInterceptor {

	private final Navigation navigation;

	LayoutModel(Navigation navigation) {
		this.navigation = navigation;
	}

	/** A view of a template's fragment ({@code "search :: suggestions"}), not a page. */
	static boolean fragment(ModelAndView view) {
		return view.getViewName() != null && view.getViewName().contains("::");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		view.addObject("currentPath", path);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ClienteleUserDetails user) {
			view.addObject("signedIn", user);
			if (fragment(view)) {
				return; // an htmx fragment has no sidebar: no saved views to load
			}
			// Until the password is changed nothing else is reachable, so nothing else is
			// offered.
			var sections = user.mustChangePassword() ? java.util.Map.<String, java.util.List<NavigationEntry>>of()
					: navigation.sectionsFor(authentication);
			view.addObject("navigation", sections);
			view.addObject("currentEntry", Navigation.current(sections, path));
		}
	}

}
