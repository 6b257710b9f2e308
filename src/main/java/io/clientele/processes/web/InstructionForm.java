package io.clientele.processes.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import io.clientele.processes.InstructionDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The form that gives an instruction, as the browser sends it. */
public class InstructionForm {

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private @Nullable String title;

	private @Nullable String description;

	private @Nullable Long executorId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate dueOn;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime dueTime;

	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private @Nullable LocalDateTime remindAt;

	private @Nullable Long clientId;

	private @Nullable Long contactId;

	private @Nullable Long dealId;

	InstructionDraft toDraft() {
		return new InstructionDraft(title == null ? "" : title, description, executorId, dueOn, dueTime,
				remindAt == null ? null : remindAt.atZone(ZONE).toInstant(), clientId, contactId, dealId);
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

}
