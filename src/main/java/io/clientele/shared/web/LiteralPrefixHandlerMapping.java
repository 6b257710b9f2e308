package io.clientele.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the controller method of a request as Spring MVC does, but sets aside at once the
 * mappings whose paths begin with other words. A path with a variable
 * ({@code /api/v1/deals/{id}}) has no direct match, so Spring tries every one of the
 * application's three hundred mappings in turn, each with its method, headers and
 * pattern: a sixth of the processor time of the deal card API. Each mapping's patterns
 * begin with literal segments ({@code api}, {@code v1}, {@code deals}) that a path must
 * begin with to match; comparing those (kept once per mapping) with the path's segments
 * leaves a few mappings to try. The one chosen is the one Spring would choose, since a
 * mapping set aside could never have matched.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

	/** The request's path segments while its handler is looked for. */
	private static final ThreadLocal<String @Nullable []> SEGMENTS = new ThreadLocal<>();

	/**
	 * Per mapping, the literal segments each of its patterns begins with; a pattern that
	 * begins with a variable or a wildcard has none, and is tried for every path. Kept by
	 * the mapping's identity, and replaced whole when a mapping is added: it is read for
	 * each of the three hundred mappings of each request, and a mapping's own hash code
	 * (of its conditions) was half of the look-up.
	 */
	private volatile Map<RequestMappingInfo, List<String[]>> literalStarts = new IdentityHashMap<>();

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		SEGMENTS.set(ServletRequestPathUtils.hasParsedRequestPath(request)
				? segments(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()) : null);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			SEGMENTS.remove();
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String[] segments = SEGMENTS.get();
		if (segments != null && !mayMatch(knownStarts(info), segments)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private List<String[]> knownStarts(RequestMappingInfo info) {
		List<String[]> starts = literalStarts.get(info);
		if (starts == null) {
			starts = literalStarts(info);
			synchronized (this) {
				Map<RequestMappingInfo, List<String[]>> more = new IdentityHashMap<>(literalStarts);
				more.put(info, starts);
				literalStarts = more;
			}
		}
		return starts;
	}

	static boolean mayMatch(List<String[]> starts, String[] segments) {
		for (String[] start : starts) {
			if (start.length <= segments.length && Arrays.equals(start, 0, start.length, segments, 0, start.length)) {
				return true;
			}
		}
		return starts.isEmpty();
	}

	/**
	 * The segments of a path as patterns are matched against them (decoded, without
	 * matrix variables).
	 */
	static String[] segments(PathContainer path) {
		List<String> segments = new ArrayList<>();
		for (PathContainer.Element element : path.elements()) {
			if (element instanceof PathContainer.PathSegment segment) {
				segments.add(segment.valueToMatch());
			}
		}
		return segments.toArray(String[]::new);
	}

	/**
	 * The literal segments each pattern of a mapping begins with, up to its first
	 * variable or wildcard; none at all (any path may match) when a pattern begins with
	 * one, or the mapping has no patterns.
	 */
	static List<String[]> literalStarts(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null || condition.getPatterns().isEmpty()) {
			return List.of();
		}
		List<String[]> starts = new ArrayList<>();
		for (PathPattern pattern : condition.getPatterns()) {
			List<String> literal = new ArrayList<>();
			for (String segment : pattern.getPatternString().split("/")) {
				if (segment.contains("{") || segment.contains("*") || segment.contains("?")) {
					break;
				}
				if (!segment.isEmpty()) {
					literal.add(segment);
				}
			}
			if (literal.isEmpty()) {
				return List.of();
			}
			starts.add(literal.toArray(String[]::new));
		}
		return List.copyOf(starts);
	}

}
