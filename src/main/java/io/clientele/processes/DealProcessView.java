package io.clientele.processes;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deal's latest process on the deal card: its map, where it stands, and the steps done.
 *
 * @param running whether it is still running
 * @param endReason why it was ended before its end (a message key), or null
 * @param current the ids of the map's elements it stands in now
 * @param passed the ids of the elements (actions, gateways, flows) it has gone through
 * @param open its open actions
 * @param steps the completed actions of the deal's processes, oldest first
 */
public record DealProcessView(String mapKey, String mapName, int version, boolean running, @Nullable String endReason,
		List<String> current, List<String> passed, List<OpenAction> open, List<Step> steps) {

	public DealProcessView {
		current = List.copyOf(current);
		passed = List.copyOf(passed);
		open = List.copyOf(open);
		steps = List.copyOf(steps);
	}

	public record OpenAction(String taskId, String name, String assigneeName, Instant since) {
	}

	/**
	 * @param answer the answer given to the question after it, or null
	 * @param byName who completed it
	 */
	public record Step(String name, @Nullable String answer, String byName, Instant at) {
	}

}
