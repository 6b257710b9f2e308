package io.clientele.processes;

import java.time.Instant;

/** One deployed version of a route map and the processes running on it. */
public record RouteMapVersion(int version, String name, Instant deployedAt, long running) {

}
