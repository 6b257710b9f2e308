package io.clientele.activities;

import io.clientele.shared.Labelled;

/**
 * Where a task stands. A task given to someone else is {@link #NEW} ("attention": shown
 * highlighted to its executor) until the executor first opens it; a task one sets for
 * oneself starts {@link #IN_PROGRESS}. There is no acceptance or verification step: that
 * is the instruction of the route maps.
 */
public enum TaskState implements Labelled {

	NEW, IN_PROGRESS, DONE;

	@Override
	public String messageKey() {
		return "task.state." + name();
	}

	public boolean open() {
		return this != DONE;
	}

}
