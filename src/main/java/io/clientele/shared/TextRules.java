package io.clientele.shared;

import org.jspecify.annotations.Nullable;

/**
 * What any stored text must be: real Unicode (no lone surrogate halves), without control
 * characters (a single-line field takes no line breaks either) and within its length.
 * Text that passes is stored exactly as given; text that does not is refused, never
 * altered.
 */
public final class TextRules {

	private TextRules() {
	}

	/** A single-line text; null or empty stays null. */
	public static @Nullable String line(String field, @Nullable String value, int maxLength) {
		return check(field, value, maxLength, false);
	}

	/** A text that may hold line breaks and tabs (notes). */
	public static @Nullable String multiline(String field, @Nullable String value, int maxLength) {
		return check(field, value, maxLength, true);
	}

	/** A single-line text that must be given and not be only spaces. */
	public static String required(String field, @Nullable String value, int maxLength) {
		String checked = line(field, value, maxLength);
		if (checked == null || checked.isBlank()) {
			throw new RuleViolation(field, "text.required");
		}
		return checked;
	}

	private static @Nullable String check(String field, @Nullable String value, int maxLength, boolean multiline) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		if (value.codePointCount(0, value.length()) > maxLength) {
			throw new RuleViolation(field, "text.too-long", maxLength);
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
					throw new RuleViolation(field, "text.invalid-characters");
				}
				i++;
			}
			else if (Character.isLowSurrogate(c) || forbidden(c, multiline)) {
				throw new RuleViolation(field, "text.invalid-characters");
			}
		}
		return value;
	}

	private static boolean forbidden(char c, boolean multiline) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return !multiline;
		}
		return c < 0x20 || c == 0x7F;
	}

}
