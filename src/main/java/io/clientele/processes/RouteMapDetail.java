package io.clientele.processes;

import java.util.List;

/**
 * A route map with all its versions, newest first, and its running processes, newest
 * first (at most {@link RouteMaps#RUNNING_SHOWN}).
 */
public record RouteMapDetail(String key, String name, List<RouteMapVersion> versions, List<RunningProcess> running) {

	public int latestVersion() {
		return versions.get(0).version();
	}

	public long runningTotal() {
		return versions.stream().mapToLong(RouteMapVersion::running).sum();
	}

}
