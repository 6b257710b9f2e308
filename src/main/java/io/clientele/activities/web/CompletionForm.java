package io.clientele.activities.web;

import java.time.Instant;

import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCompletion;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionPlan;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * Completing an interaction, and in the same step, if asked, planning the next one.
 */
public class CompletionForm {

	private @Nullable String doneAt;

	private @Nullable String result;

	private @Nullable Integer minutesSpent;

	private @Nullable CallResult callResult;

	private @Nullable Integer durationMinutes;

	private boolean planNext;

	private InteractionKind nextKind = InteractionKind.CALL;

	private @Nullable String nextAt;

	private @Nullable Long nextResponsibleId;

	private @Nullable String nextSubject;

	private long version;

	InteractionCompletion completion() {
		return new InteractionCompletion(InteractionForm.instant("doneAt", doneAt), result, minutesSpent, callResult,
				durationMinutes == null ? null : durationMinutes * 60);
	}

	@Nullable InteractionPlan next() {
		if (!planNext) {
			return null;
		}
		Instant at = InteractionForm.instant("nextAt", nextAt);
		if (at == null) {
			throw new RuleViolation("nextAt", "interaction.at-required");
		}
		return new InteractionPlan(nextKind, at, nextResponsibleId, nextSubject);
	}

	String formField(String field) {
		return switch (field) {
			case "at" -> "nextAt";
			case "responsibleId" -> "nextResponsibleId";
			case "subject" -> "nextSubject";
			case "durationSeconds" -> "durationMinutes";
			default -> field;
		};
	}

	public @Nullable String getDoneAt() {
		return doneAt;
	}

	public void setDoneAt(@Nullable String doneAt) {
		this.doneAt = doneAt;
	}

	public @Nullable String getResult() {
		return result;
	}

	public void setResult(@Nullable String result) {
		this.result = result;
	}

	public @Nullable Integer getMinutesSpent() {
		return minutesSpent;
	}

	public void setMinutesSpent(@Nullable Integer minutesSpent) {
		this.minutesSpent = minutesSpent;
	}

	public @Nullable CallResult getCallResult() {
		return callResult;
	}

	public void setCallResult(@Nullable CallResult callResult) {
		this.callResult = callResult;
	}

	public @Nullable Integer getDurationMinutes() {
		return durationMinutes;
	}

	public void setDurationMinutes(@Nullable Integer durationMinutes) {
		this.durationMinutes = durationMinutes;
	}

	public boolean isPlanNext() {
		return planNext;
	}

	public void setPlanNext(boolean planNext) {
		this.planNext = planNext;
	}

	public InteractionKind getNextKind() {
		return nextKind;
	}

	public void setNextKind(InteractionKind nextKind) {
		this.nextKind = nextKind;
	}

	public @Nullable String getNextAt() {
		return nextAt;
	}

	public void setNextAt(@Nullable String nextAt) {
		this.nextAt = nextAt;
	}

	public @Nullable Long getNextResponsibleId() {
		return nextResponsibleId;
	}

	public void setNextResponsibleId(@Nullable Long nextResponsibleId) {
		this.nextResponsibleId = nextResponsibleId;
	}

	public @Nullable String getNextSubject() {
		return nextSubject;
	}

	public void setNextSubject(@Nullable String nextSubject) {
		this.nextSubject = nextSubject;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
