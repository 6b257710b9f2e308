package io.clientele.processes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of a list of instructions, newest first.
 *
 * @param next the cursor of the next page (the {@code after} to pass), or null at the end
 */
public record InstructionPage(List<InstructionRow> rows, @Nullable Long next) {

	public InstructionPage {
		rows = List.copyOf(rows);
	}

	/** Which of the reader's instructions. */
	public enum View {

		/** Those the reader gave. */
		GIVEN,
		/** Those given to the reader. */
		RECEIVED

	}

}
