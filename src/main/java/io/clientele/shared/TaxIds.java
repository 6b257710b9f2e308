package io.clientele.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Russian tax identifiers carry their own check digits, so a mistyped INN or OGRN is
 * refused on the form instead of turning up later on a document the tax office or the
 * customer's bank rejects. The refusals name the caller's form field, so the message
 * lands next to the input that caused it.
 */
public final class TaxIds {

	private static final int[] INN_10_WEIGHTS = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] INN_12_FIRST_WEIGHTS = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final int[] INN_12_SECOND_WEIGHTS = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 };

	private static final Pattern KPP = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

	private TaxIds() {
	}

	/**
	 * An INN of a legal entity (10 digits) or of a person or sole proprietor (12 digits).
	 * @param field the form field to blame
	 * @param value what the user typed
	 * @return the digits without surrounding whitespace
	 * @throws RuleViolation {@code taxid.inn.length} if it is not 10 or 12 digits,
	 * {@code taxid.inn.checksum} if a check digit is wrong
	 */
	public static String inn(String field, @Nullable String value) {
		String digits = digitsOnly(value);
		if (digits == null || (digits.length() != 10 && digits.length() != 12)) {
			throw new RuleViolation(field, "taxid.inn.length");
		}
		if (!innChecksumMatches(digits)) {
			throw new RuleViolation(field, "taxid.inn.checksum");
		}
		return digits;
	}

	/**
	 * A KPP: four digits (tax office), two digits or capital Latin letters (reason),
	 * three digits (sequence number).
	 * @param field the form field to blame
	 * @param value what the user typed
	 * @return the value without surrounding whitespace
	 * @throws RuleViolation {@code taxid.kpp.format} if it does not have that shape
	 */
	public static String kpp(String field, @Nullable String value) {
		String stripped = (value != null) ? value.strip() : "";
		if (!KPP.matcher(stripped).matches()) {
			throw new RuleViolation(field, "taxid.kpp.format");
		}
		return stripped;
	}

	/**
	 * An OGRN of a legal entity (13 digits) or an OGRNIP of a sole proprietor (15
	 * digits).
	 * @param field the form field to blame
	 * @param value what the user typed
	 * @return the digits without surrounding whitespace
	 * @throws RuleViolation {@code taxid.ogrn.length} if it is not 13 or 15 digits,
	 * {@code taxid.ogrn.checksum} if the check digit is wrong
	 */
	public static String ogrn(String field, @Nullable String value) {
		String digits = digitsOnly(value);
		if (digits == null || (digits.length() != 13 && digits.length() != 15)) {
			throw new RuleViolation(field, "taxid.ogrn.length");
		}
		if (!ogrnChecksumMatches(digits)) {
			throw new RuleViolation(field, "taxid.ogrn.checksum");
		}
		return digits;
	}

	/**
	 * Whether the value is an INN that {@link #inn(String, String)} would accept.
	 * @param value the value to test, may be {@code null}
	 * @return {@code true} for a well-formed INN with correct check digits
	 */
	public static boolean isValidInn(@Nullable String value) {
		String digits = digitsOnly(value);
		return digits != null && (digits.length() == 10 || digits.length() == 12) && innChecksumMatches(digits);
	}

	/**
	 * Whether the value is an OGRN or OGRNIP that {@link #ogrn(String, String)} would
	 * accept.
	 * @param value the value to test, may be {@code null}
	 * @return {@code true} for a well-formed OGRN or OGRNIP with a correct check digit
	 */
	public static boolean isValidOgrn(@Nullable String value) {
		String digits = digitsOnly(value);
		return digits != null && (digits.length() == 13 || digits.length() == 15) && ogrnChecksumMatches(digits);
	}

	private static boolean innChecksumMatches(String digits) {
		if (digits.length() == 10) {
			return checkDigit(digits, INN_10_WEIGHTS) == digitAt(digits, 9);
		}
		return checkDigit(digits, INN_12_FIRST_WEIGHTS) == digitAt(digits, 10)
				&& checkDigit(digits, INN_12_SECOND_WEIGHTS) == digitAt(digits, 11);
	}

	private static int checkDigit(String digits, int[] weights) {
		int sum = 0;
		for (int i = 0; i < weights.length; i++) {
			sum += weights[i] * digitAt(digits, i);
		}
		return sum % 11 % 10;
	}

	private static boolean ogrnChecksumMatches(String digits) {
		int last = digits.length() - 1;
		long body = Long.parseLong(digits.substring(0, last));
		long divisor = (digits.length() == 13) ? 11 : 13;
		return body % divisor % 10 == digitAt(digits, last);
	}

	private static int digitAt(String digits, int index) {
		return digits.charAt(index) - '0';
	}

	/**
	 * The value without surrounding whitespace if what remains is one or more ASCII
	 * digits, otherwise {@code null}.
	 */
	private static @Nullable String digitsOnly(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.isEmpty()) {
			return null;
		}
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return stripped;
	}

}
