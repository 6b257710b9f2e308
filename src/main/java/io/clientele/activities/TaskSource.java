package io.clientele.activities;

import java.util.List;

/**
 * Tasks that another module owns and "My tasks" shows beside the user's own: the user
 * tasks of running route maps (processes), later perhaps call lists. A module declares a
 * bean of this type; "My tasks" asks every source for the executor's open tasks and puts
 * them into the groups by their deadlines, with their counts (bounded by the limit, like
 * its own). The items open on the owning module's pages ({@link TaskSourceItem#href()}),
 * which check access again; bulk changes and handing over do not touch them (a source
 * that must move its tasks on handover also implements {@link HandoverPart}).
 *
 * <p>
 * An implementation answers from an index on its executor column (a few milliseconds):
 * "My tasks" and the sidebar call it on every view.
 */
public interface TaskSource {

	/**
	 * Message key of what the source's tasks are, shown beside each (e.g.
	 * {@code process.task}).
	 */
	String labelKey();

	/**
	 * The executor's open tasks, soonest deadline first (those without one last), at most
	 * {@code limit}.
	 */
	List<TaskSourceItem> openOf(long executorId, int limit);

	/**
	 * How many of the executor's open tasks want attention — new to them, or due before
	 * the given instant (the end of today) — counting at most {@code bound}: what the
	 * sidebar's badge of "My tasks" adds for this source. A source whose tasks change
	 * tells the executors' pages through {@link MyTasksChanges}.
	 */
	default long attentionOf(long executorId, java.time.Instant dueBefore, int bound) {
		return 0;
	}

}
