package io.clientele.processes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An instruction as its page shows it to a reader.
 *
 * @param overdue whether it is not done and its deadline has passed
 * @param openStep the step of the cycle that waits, or null when it is done
 * @param openStepName that step's name in the route map
 * @param holderId who the waiting step is for
 * @param readerStep the waiting step when it is the reader's to do, else null
 * @param lastReturn the author's comment when the instruction came back, else null
 * @param history the cycle so far, oldest first
 */
public record InstructionCard(long id, String title, @Nullable String description, long authorId, String authorName,
		long executorId, String executorName, @Nullable LocalDate dueOn, @Nullable Instant dueAt,
		@Nullable Instant remindAt, boolean overdue, InstructionState state, @Nullable Link client,
		@Nullable Link contact, @Nullable Link deal, Instant createdAt, @Nullable Instant doneAt,
		@Nullable InstructionStep openStep, @Nullable String openStepName, @Nullable Long holderId,
		@Nullable String holderName, @Nullable InstructionStep readerStep, @Nullable String lastReturn,
		List<Event> history) {

	public InstructionCard {
		history = List.copyOf(history);
	}

	/** A record the instruction is about; {@code visible} says whether to link to it. */
	public record Link(long id, String name, boolean visible) {
	}

	/** A step of the cycle: who did what when, with the report's or the return's text. */
	public record Event(InstructionState kind, long byId, String byName, @Nullable String text, Instant at) {
	}

}
