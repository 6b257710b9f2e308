package io.clientele.activities;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A task in a group of "My tasks".
 *
 * @param taskId the task's id, or null for a task of another module ({@link TaskSource}),
 * which cannot be chosen for bulk changes
 * @param sourceKey the message key of another module's kind of task, or null for a task
 * @param attention whether it is new to its executor (not opened yet)
 * @param cursor where "show more" of its group continues after it, or null for a task of
 * another module (these are all shown at once)
 */
public record MyTasksRow(@Nullable Long taskId, long version, String href, String title, @Nullable TaskKind kind,
		TaskState state, TaskPriority priority, @Nullable LocalDate dueOn, @Nullable LocalTime dueTime,
		@Nullable String clientName, @Nullable String dealSubject, long executorId, String executorName,
		@Nullable String sourceKey, boolean attention, @Nullable String cursor) {
}
