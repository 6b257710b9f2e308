package io.clientele.shared.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Gives the pages' WebJars links their version
 * ({@code /webjars/htmx.org/dist/htmx.min.js} becomes
 * {@code /webjars/htmx.org/2.0.10/dist/htmx.min.js}) and leaves every other link as it
 * is.
 * <p>
 * It takes the place of Spring's {@link ResourceUrlEncodingFilter}, which Spring Boot
 * registers when there is none: that one looks every link of a page up among the resource
 * handlers' patterns ({@code /clients/42} too, each time, matched path segment by
 * segment), a sixth of a page's rendering in the benchmarks; and it wraps the request to
 * watch one attribute, so that each of the many attributes a page's template sets passes
 * through it. Here the request is not wrapped, only links under {@code /webjars/} are
 * looked up, and each once: the versions do not change while the application runs.
 */
class WebJarLinks extends ResourceUrlEncodingFilter {

	private static final String WEBJARS = "/webjars/";

	/** How many different WebJars links are remembered; the templates have a handful. */
	private static final int REMEMBERED = 256;

	private final ObjectProvider<ResourceUrlProvider> resources;

	private final Map<String, String> versioned = new ConcurrentHashMap<>();

	WebJarLinks(ObjectProvider<ResourceUrlProvider> resources) {
		this.resources = resources;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
			chain.doFilter(request, response);
			return;
		}
		String context = http.getContextPath();
		chain.doFilter(request, new HttpServletResponseWrapper(answer) {
			@Override
			public String encodeURL(String url) {
				return super.encodeURL(versioned(context, url));
			}
		});
	}

	/** The link with its WebJar's version, or as it is when it is not a WebJars file. */
	String versioned(String context, String url) {
		if (!url.startsWith(WEBJARS, context.length()) || !url.startsWith(context) || url.indexOf('?') >= 0
				|| url.indexOf('#') >= 0) {
			return url;
		}
		String path = url.substring(context.length());
		String found = versioned.get(path);
		if (found == null) {
			String resolved = resources.getObject().getForLookupPath(path);
			found = resolved != null ? resolved : path;
			if (versioned.size() < REMEMBERED) {
				versioned.put(path, found);
			}
		}
		return context + found;
	}

}
