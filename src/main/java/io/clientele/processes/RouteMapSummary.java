package io.clientele.processes;

/**
 * A route map in the list: its latest version, how many versions it has and how many
 * processes run on any of them.
 */
public record RouteMapSummary(String key, String name, int latestVersion, int versions, long running) {

}
