package io.clientele.deals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A deal's mode changed, or a deal was opened under process control: what the module that
 * runs route maps listens for, to start the scenario's map or to end the deal's process.
 * Published in the changing transaction and meant to be handled in it (decision 0015): a
 * process that cannot start refuses the switch.
 *
 * @param stageId the stage the deal stands in
 * @param from the mode before, or null for a new deal
 * @param to the mode now
 * @param routeMapKey the scenario's route map, or null
 * @param actorId who switched it
 */
public record DealModeSwitched(long dealId, long scenarioId, long stageId, @Nullable DealMode from, DealMode to,
		@Nullable String routeMapKey, long actorId, Instant at) {

	/** Whether the deal is now under process control and was not before. */
	public boolean startsProcess() {
		return to == DealMode.PROCESS_CONTROLLED && from != DealMode.PROCESS_CONTROLLED;
	}

	/** Whether the deal was under process control and is not now. */
	public boolean endsProcess() {
		return from == DealMode.PROCESS_CONTROLLED && to != DealMode.PROCESS_CONTROLLED;
	}

}
