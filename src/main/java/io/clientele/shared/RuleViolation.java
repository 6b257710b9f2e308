package io.clientele.shared;

import org.jspecify.annotations.Nullable;

/**
 * A business rule refused a change. The message is a key in the message bundles, so the
 * user reads it in their language; {@code field} names the form field it belongs to, if
 * any.
 */
public class RuleViolation extends RuntimeException {

	private final @Nullable String field;

	private final String messageKey;

	private final Object[] arguments;

	public RuleViolation(@Nullable String field, String messageKey, Object... arguments) {
		super(messageKey + (field != null ? " (" + field + ")" : ""));
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public @Nullable String field() {
		return field;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
