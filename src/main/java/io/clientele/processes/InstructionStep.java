package io.clientele.processes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the shipped route map {@code instruction}, by the ids of its actions: the
 * executor accepts, then does it and reports; the author checks, answering the question
 * after it (accepted or returned) with the ids of its flows.
 */
public enum InstructionStep {

	ACCEPT("accept"), REPORT("report"), CHECK("check");

	/** The flow of the answer "accepted" to the question after {@link #CHECK}. */
	public static final String ACCEPTED = "accepted";

	/** The flow of the answer "returned" to the question after {@link #CHECK}. */
	public static final String RETURNED = "returned";

	private final String activityId;

	InstructionStep(String activityId) {
		this.activityId = activityId;
	}

	public String activityId() {
		return activityId;
	}

	public static Optional<InstructionStep> of(String activityId) {
		return Arrays.stream(values()).filter(step -> step.activityId.equals(activityId)).findFirst();
	}

}
