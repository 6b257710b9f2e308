package io.clientele.activities.internal;

import java.util.List;
import java.util.Set;

import io.clientele.activities.InteractionService;
import io.clientele.activities.TaskService;
import io.clientele.audit.spi.ResponsibleUsers;
import org.springframework.stereotype.Component;

/**
 * Whose tasks and interactions are, for the history's "acted for": a task's executor,
 * then its author; an interaction's responsible manager.
 */
@Component
class ActivityResponsibleUsers implements ResponsibleUsers {

	private final TaskRepository tasks;

	private final InteractionRepository interactions;

	ActivityResponsibleUsers(TaskRepository tasks, InteractionRepository interactions) {
		this.tasks = tasks;
		this.interactions = interactions;
	}

	@Override
	public Set<String> recordTypes() {
		return Set.of(TaskService.RECORD_TYPE, InteractionService.RECORD_TYPE);
	}

	@Override
	public List<Long> of(String recordType, long recordId) {
		if (TaskService.RECORD_TYPE.equals(recordType)) {
			return tasks.findById(recordId).map(task -> List.of(task.executorId(), task.authorId())).orElse(List.of());
		}
		return interactions.findById(recordId)
			.map(interaction -> List.of(interaction.responsibleId()))
			.orElse(List.of());
	}

}
