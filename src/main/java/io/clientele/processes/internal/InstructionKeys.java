package io.clientele.processes.internal;

import org.jspecify.annotations.Nullable;

/** An instruction's process has the business key {@code instruction:<id>}. */
public final class InstructionKeys {

	private static final String PREFIX = "instruction:";

	private InstructionKeys() {
	}

	public static String of(long instructionId) {
		return PREFIX + instructionId;
	}

	/** The instruction a business key names, or null when it names none. */
	public static @Nullable Long instructionId(@Nullable String businessKey) {
		if (businessKey == null || !businessKey.startsWith(PREFIX)
				|| !businessKey.substring(PREFIX.length()).matches("[1-9][0-9]{0,17}")) {
			return null;
		}
		return Long.parseLong(businessKey.substring(PREFIX.length()));
	}

}
