package io.clientele.processes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the person gives when they complete an action.
 *
 * @param answer the chosen branch of the question after it (a sequence flow's id), if it
 * has one
 * @param ticked the indexes of the checklist items ticked
 * @param lossReasonId why the deal is lost, when completing it loses the deal
 * @param chosen the chosen branches of the selection after it (sequence flows' ids), if
 * it has one
 */
public record ProcessTaskCompletion(@Nullable String answer, List<Integer> ticked, @Nullable Long lossReasonId,
		@Nullable String lossNote, List<String> chosen) {

	public ProcessTaskCompletion {
		ticked = List.copyOf(ticked);
		chosen = List.copyOf(chosen);
	}

	public ProcessTaskCompletion(@Nullable String answer, List<Integer> ticked, @Nullable Long lossReasonId,
			@Nullable String lossNote) {
		this(answer, ticked, lossReasonId, lossNote, List.of());
	}

}
