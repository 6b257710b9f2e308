package io.clientele.activities.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import io.clientele.activities.TaskCard;
import io.clientele.activities.TaskDraft;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.internal.TaskStore;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The task form as the browser sends it. */
public class TaskForm {

	private TaskKind kind = TaskKind.TASK;

	private @Nullable String title;

	private @Nullable String description;

	private @Nullable Long executorId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate dueOn;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime dueTime;

	private TaskPriority priority = TaskPriority.NORMAL;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private @Nullable LocalDateTime remindAt;

	private @Nullable Long clientId;

	private @Nullable Long contactId;

	private @Nullable Long dealId;

	private @Nullable Integer spentMinutes;

	private long version;

	static TaskForm of(TaskCard card) {
		TaskForm form = new TaskForm();
		form.kind = card.kind();
		form.title = card.title();
		form.description = card.description();
		form.executorId = card.executorId();
		form.dueOn = card.dueOn();
		form.dueTime = card.dueTime();
		form.priority = card.priority();
		form.remindAt = card.remindAt() == null ? null : card.remindAt().atZone(TaskStore.ZONE).toLocalDateTime();
		form.clientId = card.clientId();
		form.contactId = card.contactId();
		form.dealId = card.dealId();
		form.spentMinutes = card.spentMinutes();
		form.version = card.version();
		return form;
	}

	TaskDraft toDraft() {
		return new TaskDraft(kind, title == null ? "" : title, description, executorId, dueOn, dueTime, priority,
				remindAt == null ? null : remindAt.atZone(TaskStore.ZONE).toInstant(), clientId, contactId, dealId,
				spentMinutes == null ? 0 : spentMinutes);
	}

	public TaskKind getKind() {
		return kind;
	}

	public void setKind(TaskKind kind) {
		this.kind = kind;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable Long getExecutorId() {
		return executorId;
	}

	public void setExecutorId(@Nullable Long executorId) {
		this.executorId = executorId;
	}

	public @Nullable LocalDate getDueOn() {
		return dueOn;
	}

	public void setDueOn(@Nullable LocalDate dueOn) {
		this.dueOn = dueOn;
	}

	public @Nullable LocalTime getDueTime() {
		return dueTime;
	}

	public void setDueTime(@Nullable LocalTime dueTime) {
		this.dueTime = dueTime;
	}

	public TaskPriority getPriority() {
		return priority;
	}

	public void setPriority(TaskPriority priority) {
		this.priority = priority;
	}

	public @Nullable LocalDateTime getRemindAt() {
		return remindAt;
	}

	public void setRemindAt(@Nullable LocalDateTime remindAt) {
		this.remindAt = remindAt;
	}

	public @Nullable Long getClientId() {
		return clientId;
	}

	public void setClientId(@Nullable Long clientId) {
		this.clientId = clientId;
	}

	public @Nullable Long getContactId() {
		return contactId;
	}

	public void setContactId(@Nullable Long contactId) {
		this.contactId = contactId;
	}

	public @Nullable Long getDealId() {
		return dealId;
	}

	public void setDealId(@Nullable Long dealId) {
		this.dealId = dealId;
	}

	public @Nullable Integer getSpentMinutes() {
		return spentMinutes;
	}

	public void setSpentMinutes(@Nullable Integer spentMinutes) {
		this.spentMinutes = spentMinutes;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
