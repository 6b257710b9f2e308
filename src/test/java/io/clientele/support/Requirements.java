package io.clientele.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (a browser, a PostgreSQL server). Missing on a
 * developer's machine, the test is skipped with the reason; missing in CI
 * ({@code CI=true}), the test fails, so that CI never passes on tests that did not run.
 */
public final class Requirements {

	private Requirements() {
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	public static void require(boolean met, String what) {
		if (met) {
			return;
		}
		if (inCi()) {
			Assertions.fail("Required in CI but missing: " + what);
		}
		Assumptions.abort("Skipped, missing on this machine: " + what);
	}

}
