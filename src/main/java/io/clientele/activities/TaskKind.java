package io.clientele.activities;

import io.clientele.shared.Labelled;

/**
 * What a task is: a plain task (for oneself or a colleague), or a work item of the sales
 * conveyor, a step of the work on a client handed from one person to the next. Both are
 * one model (one table, one aggregate); a work item adds the chain of steps.
 */
public enum TaskKind implements Labelled {

	TASK, WORK_ITEM;

	@Override
	public String messageKey() {
		return "task.kind." + name();
	}

}
