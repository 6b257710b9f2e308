package io.clientele.shared.web;

import java.io.IOException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the pages read and write request attributes on the request that answers them
 * instead of passing each call through every wrapper the filters put around the server's
 * request (session, firewall, security headers, security context: four or five).
 * <p>
 * Thymeleaf keeps a template's variables as request attributes, so each {@code ${row.x}}
 * of a list is a request attribute lookup: on "My tasks" with 120 rows, about 6,000 of
 * them, each passed down the whole chain of wrappers (a sixth of the page's processor
 * time, measured with JFR on the M data set). A wrapper that does not override an
 * attribute call only passes it on, so each call goes straight to the first request of
 * the chain that answers it itself: a wrapper that overrides it (the server's own for a
 * forward or an error page answers some itself) or else the server's request. The answers
 * are the same as through the chain.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectAttributesFilter extends OncePerRequestFilter {

	private static final Set<String> CALLS = Set.of("getAttribute", "getAttributeNames", "setAttribute",
			"removeAttribute");

	/** The attribute calls a class of wrapper overrides, rather than passing them on. */
	private static final ClassValue<Set<String>> ATTRIBUTE_CALLS_OVERRIDDEN = new ClassValue<>() {
		@Override
		protected Set<String> computeValue(Class<?> type) {
			Set<String> overridden = new HashSet<>();
			for (Class<?> c = type; c != ServletRequestWrapper.class && c != null; c = c.getSuperclass()) {
				for (var method : c.getDeclaredMethods()) {
					if (CALLS.contains(method.getName())) {
						overridden.add(method.getName());
					}
				}
			}
			return Set.copyOf(overridden);
		}
	};

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter((request instanceof ServletRequestWrapper) ? new Direct(request) : request, response);
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The first request of the chain that answers the call itself. */
	static ServletRequest answering(ServletRequest request, String call) {
		ServletRequest current = request;
		while (current instanceof ServletRequestWrapper wrapper
				&& !ATTRIBUTE_CALLS_OVERRIDDEN.get(wrapper.getClass()).contains(call)) {
			current = wrapper.getRequest();
		}
		return current;
	}

	/**
	 * The filters' request, with each attribute call sent to the request that answers it.
	 */
	private static final class Direct extends HttpServletRequestWrapper {

		private final ServletRequest getting;

		private final ServletRequest naming;

		private final ServletRequest setting;

		private final ServletRequest removing;

		Direct(HttpServletRequest request) {
			super(request);
			this.getting = answering(request, "getAttribute");
			this.naming = answering(request, "getAttributeNames");
			this.setting = answering(request, "setAttribute");
			this.removing = answering(request, "removeAttribute");
		}

		@Override
		public Object getAttribute(String name) {
			return this.getting.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return this.naming.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.setting.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.removing.removeAttribute(name);
		}

	}

}
