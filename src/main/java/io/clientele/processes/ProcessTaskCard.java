package io.clientele.processes;

import java.time.Instant;
import java.util.List;

import io.clientele.deals.LossReason;
import org.jspecify.annotations.Nullable;

/**
 * An open action of a deal's process as its page shows it.
 *
 * @param checklist the items to tick before it is done, by their index
 * @param question the question its completion answers, or null
 * @param losesDeal whether completing it may close the deal as lost (directly, or by an
 * answer), so that a loss reason is asked for
 * @param lossReasons the reasons to choose from when it does
 * @param mayComplete whether the reader may complete it (its person, or a head or an
 * administrator who sees the deal)
 * @param dueAt its regulation time (from its deadline), or null
 * @param escalatedAt when it passed its deadline and went up to the head, or null
 * @param escalatedFrom whom it was taken from then, or null
 */
public record ProcessTaskCard(String taskId, String name, String mapName, long dealId, String dealSubject,
		long clientId, String clientName, String stageName, @Nullable Long assigneeId, String assigneeName,
		Instant createdAt, List<String> checklist, @Nullable Question question, boolean losesDeal,
		List<LossReason> lossReasons, boolean mayComplete, @Nullable Instant dueAt, @Nullable Instant escalatedAt,
		@Nullable String escalatedFrom) {

	public ProcessTaskCard {
		checklist = List.copyOf(checklist);
		lossReasons = List.copyOf(lossReasons);
	}

	/**
	 * The question after the action: the gateway's name, its branches the answers; with
	 * {@code multiple}, a selection of one or more of them.
	 */
	public record Question(String text, List<Answer> answers, boolean multiple) {

		public Question {
			answers = List.copyOf(answers);
		}

	}

	/**
	 * @param losesDeal whether this answer ends the process with the deal lost
	 */
	public record Answer(String flowId, String label, boolean losesDeal) {
	}

}
