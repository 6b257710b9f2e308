package io.clientele.processes;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A process running on a route map, and the version of the map it runs on (a new version
 * does not move it).
 *
 * @param businessKey what the process is about ({@code deal:1042}), if anything
 */
public record RunningProcess(String id, @Nullable String businessKey, int version, Instant startedAt) {

}
