package io.clientele.processes;

import java.util.List;

/**
 * One thing wrong with a route map file, as a message key of the bundles and its
 * arguments, so that the administrator reads it in their language.
 *
 * @param messageKey key in {@code messages_*.properties}
 * @param arguments the values the message names (an element's kind, id and name; a line
 * and column)
 */
public record RouteMapProblem(String messageKey, List<String> arguments) {

	public RouteMapProblem {
		arguments = List.copyOf(arguments);
	}

	public static RouteMapProblem of(String messageKey, String... arguments) {
		return new RouteMapProblem(messageKey, List.of(arguments));
	}

}
