package io.clientele.identity.internal;

import java.util.Locale;

import io.clientele.shared.RuleViolation;

/**
 * What a chosen password must be: long enough to resist guessing, and not the user name.
 * Length matters more than character classes, so no class rules are imposed.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	public static void check(String field, String password, String username) {
		if (password.length() < MIN_LENGTH) {
			throw new RuleViolation(field, "password.too-short", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw new RuleViolation(field, "password.too-long", MAX_LENGTH);
		}
		if (password.strip().toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			throw new RuleViolation(field, "password.contains-username");
		}
		if (password.chars().distinct().count() < 4) {
			throw new RuleViolation(field, "password.too-simple");
		}
	}

}
