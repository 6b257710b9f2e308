package io.clientele.processes.internal;

import org.jspecify.annotations.Nullable;

/** A deal's process has the business key {@code deal:<id>}. */
public final class DealKeys {

	private static final String PREFIX = "deal:";

	private DealKeys() {
	}

	public static String of(long dealId) {
		return PREFIX + dealId;
	}

	/** The deal a business key names, or null when it names none. */
	public static @Nullable Long dealId(@Nullable String businessKey) {
		if (businessKey == null || !businessKey.startsWith(PREFIX)
				|| !businessKey.substring(PREFIX.length()).matches("[1-9][0-9]{0,17}")) {
			return null;
		}
		return Long.parseLong(businessKey.substring(PREFIX.length()));
	}

}
