package io.clientele.activities;

import io.clientele.shared.Labelled;

/** The groups of "My tasks", by deadline, in the order they are shown. */
public enum MyTasksGroup implements Labelled {

	OVERDUE, TODAY, TOMORROW, THIS_WEEK, LATER, NO_DEADLINE, DONE;

	@Override
	public String messageKey() {
		return "mytasks.group." + name();
	}

}
