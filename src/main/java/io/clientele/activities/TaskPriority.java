package io.clientele.activities;

import io.clientele.shared.Labelled;

/** How urgent a task is. */
public enum TaskPriority implements Labelled {

	LOW, NORMAL, HIGH;

	@Override
	public String messageKey() {
		return "task.priority." + name();
	}

}
