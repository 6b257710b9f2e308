package io.clientele.processes;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An instruction in the lists "given by me" and "given to me". */
public record InstructionRow(long id, String title, InstructionState state, long authorId, String authorName,
		long executorId, String executorName, @Nullable LocalDate dueOn, @Nullable Instant dueAt, boolean overdue,
		Instant createdAt) {
}
