package io.clientele.activities;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientDraft;

/** Clients and drafts for the tests of tasks. */
final class TaskFixtures {

	private TaskFixtures() {
	}

	static ClientDraft client(String name) {
		return TourFixtures.named(name);
	}

	static TaskDraft task(String title) {
		return TaskDraft.titled(title);
	}

	static TaskDraft workItem(String title, long executorId, long clientId) {
		return TaskDraft.titled(title)
			.withKind(TaskKind.WORK_ITEM)
			.withExecutor(executorId)
			.withLinks(clientId, null, null);
	}

}
