package io.clientele.processes;

import java.util.List;

/**
 * A route map file was not deployed, with everything found wrong in it. Nothing of it is
 * kept.
 */
public class RouteMapRefused extends RuntimeException {

	private final List<RouteMapProblem> problems;

	public RouteMapRefused(List<RouteMapProblem> problems) {
		super("Route map refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public RouteMapRefused(RouteMapProblem problem) {
		this(List.of(problem));
	}

	public List<RouteMapProblem> problems() {
		return problems;
	}

}
