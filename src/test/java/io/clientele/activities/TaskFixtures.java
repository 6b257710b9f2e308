package io.clientele.activities;

import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;

/** Clients and drafts for the tests of tasks. */
final class TaskFixtures {

	private TaskFixtures() {
	}

	static ClientDraft client(String name) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), null, Map.of());
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
