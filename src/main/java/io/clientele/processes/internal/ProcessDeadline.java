package io.clientele.processes.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.flowable.common.engine.api.variable.VariableContainer;
import org.jspecify.annotations.Nullable;

/**
 * The deadline a process gives all its actions, from its variables: {@value #DUE_AT} (an
 * ISO-8601 instant) and {@value #ALL_DAY} (true when the deadline is a whole day, whose
 * start {@code DUE_AT} holds). An instruction's process carries its deadline this way, so
 * that its steps show it in "My tasks" (decision 0016); a deal's process has none.
 */
public record ProcessDeadline(Instant dueAt, boolean allDay) {

	public static final String DUE_AT = "clienteleDueAt";

	public static final String ALL_DAY = "clienteleDueAllDay";

	static @Nullable ProcessDeadline of(VariableContainer variables) {
		Object due = variables.getVariable(DUE_AT);
		if (!(due instanceof String text)) {
			return null;
		}
		try {
			return new ProcessDeadline(Instant.parse(text), Boolean.TRUE.equals(variables.getVariable(ALL_DAY)));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The variables that give a process this deadline. */
	public Map<String, Object> variables() {
		return Map.of(DUE_AT, dueAt.toString(), ALL_DAY, allDay);
	}

}
