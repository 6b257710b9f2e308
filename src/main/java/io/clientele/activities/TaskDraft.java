package io.clientele.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * What a user fills in to set or edit a task or a work item. The state changes through
 * its own actions (open, complete, reopen), never through an edit.
 *
 * @param kind null for a plain task; a task's kind stays what it was created as
 * @param executorId null for the author themself
 * @param dueOn the day it is due, or null for no deadline
 * @param dueTime the time on that day (the installation's time zone), or null for the
 * whole day
 * @param remindAt when to remind the executor, or null
 * @param clientId the client it is about, or null; a contact person and a deal need it
 * @param dealId a deal of that client, or null
 * @param spentMinutes the labour spent so far, in minutes
 */
public record TaskDraft(@Nullable TaskKind kind, String title, @Nullable String description, @Nullable Long executorId,
		@Nullable LocalDate dueOn, @Nullable LocalTime dueTime, @Nullable TaskPriority priority,
		@Nullable Instant remindAt, @Nullable Long clientId, @Nullable Long contactId, @Nullable Long dealId,
		int spentMinutes) {

	/** A plain task with a title, for oneself, without anything else. */
	public static TaskDraft titled(String title) {
		return new TaskDraft(TaskKind.TASK, title, null, null, null, null, null, null, null, null, null, 0);
	}

	public TaskDraft withExecutor(@Nullable Long executor) {
		return new TaskDraft(kind, title, description, executor, dueOn, dueTime, priority, remindAt, clientId,
				contactId, dealId, spentMinutes);
	}

	public TaskDraft withDue(@Nullable LocalDate day, @Nullable LocalTime time) {
		return new TaskDraft(kind, title, description, executorId, day, time, priority, remindAt, clientId, contactId,
				dealId, spentMinutes);
	}

	public TaskDraft withKind(TaskKind to) {
		return new TaskDraft(to, title, description, executorId, dueOn, dueTime, priority, remindAt, clientId,
				contactId, dealId, spentMinutes);
	}

	public TaskDraft withLinks(@Nullable Long client, @Nullable Long contact, @Nullable Long deal) {
		return new TaskDraft(kind, title, description, executorId, dueOn, dueTime, priority, remindAt, client, contact,
				deal, spentMinutes);
	}

}
