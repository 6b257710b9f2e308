package io.clientele.activities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The steps of the work on a client handed from one person to the next (the sales
 * conveyor), first step first; the steps the reader may not see are left out.
 */
public record WorkItemChain(long chainId, List<Step> steps) {

	public WorkItemChain {
		steps = List.copyOf(steps);
	}

	/**
	 * @param duration from the step's creation to its completion, or to now while open
	 */
	public record Step(long id, @Nullable Long previousId, String title, long executorId, String executorName,
			TaskState state, Instant createdAt, @Nullable LocalDate dueOn, @Nullable Instant firstOpenedAt,
			@Nullable Instant doneAt, @Nullable String result, Duration duration) {

		/** The duration in whole hours, for the chain view. */
		public long hours() {
			return duration.toHours();
		}

		public long days() {
			return duration.toDays();
		}

	}

}
