package io.clientele.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * People type phone numbers in every national habit ({@code 8 (495) ...},
 * {@code +7 495 ...}, no prefix at all); storing one E.164 form lets duplicates be found
 * and numbers be dialled, while display brings back a readable grouping. Numbers are
 * accepted when they are <em>possible</em> (right length for the country), not when they
 * are <em>valid</em> for the library's range tables, so newly opened ranges are not
 * refused before the library catches up.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private static final String INVALID = "phone.invalid";

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164 form, e.g. {@code +74951234567}. An extension ("доб. 123",
	 * "ext. 12") is recognised but dropped, because E.164 has no place for it; callers
	 * that need it keep it in a separate field.
	 * @param field the form field to blame
	 * @param input what the user typed
	 * @param defaultRegion the ISO 3166 region assumed for numbers without a country
	 * code, e.g. {@code RU}
	 * @return the number in E.164 form
	 * @throws RuleViolation {@code phone.invalid} if it cannot be read as a phone number
	 * or has an impossible length
	 */
	public static String normalise(String field, @Nullable String input, String defaultRegion) {
		PhoneNumber number = parse(input, defaultRegion);
		if (number == null || !PHONES.isPossibleNumber(number)) {
			throw new RuleViolation(field, INVALID);
		}
		return PHONES.format(number, PhoneNumberFormat.E164);
	}

	/**
	 * The number grouped for reading, e.g. {@code +7 495 123-45-67}.
	 * @param e164 a number as returned by {@link #normalise(String, String, String)}
	 * @return the international format, or the input unchanged if it cannot be parsed
	 * @throws RuleViolation {@code phone.invalid} (with no field) if the input is null or
	 * blank
	 */
	public static String display(@Nullable String e164) {
		String value = requireText(e164);
		PhoneNumber number = parse(value, "ZZ");
		return (number != null) ? PHONES.format(number, PhoneNumberFormat.INTERNATIONAL) : value;
	}

	/**
	 * The international digits that the beginning of a number dialled at home with the
	 * region's trunk prefix stands for: {@code 8495123} in Russia is the start of
	 * {@code 7495123…}, {@code 030 12} in Germany of {@code 493012…}.
	 * @param digits the digits typed, without separators
	 * @param region the ISO 3166 region of the trunk prefix, e.g. {@code RU}
	 * @return the country calling code and the digits after the trunk prefix, or
	 * {@code null} if the digits do not start with the region's trunk prefix
	 */
	public static @Nullable String withoutTrunkPrefix(String digits, String region) {
		String prefix = PHONES.getNddPrefixForRegion(region, true);
		if (prefix == null || prefix.isEmpty() || !digits.startsWith(prefix) || digits.length() == prefix.length()) {
			return null;
		}
		return PHONES.getCountryCodeForRegion(region) + digits.substring(prefix.length());
	}

	/**
	 * Just the digits, for search columns, e.g. {@code 74951234567}.
	 * @param e164 a number as returned by {@link #normalise(String, String, String)}
	 * @return the digits of the input
	 * @throws RuleViolation {@code phone.invalid} (with no field) if the input has no
	 * digits
	 */
	public static String digits(@Nullable String e164) {
		String value = requireText(e164);
		StringBuilder digits = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		if (digits.isEmpty()) {
			throw new RuleViolation(null, INVALID);
		}
		return digits.toString();
	}

	private static String requireText(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new RuleViolation(null, INVALID);
		}
		return value;
	}

	private static @Nullable PhoneNumber parse(@Nullable String input, String region) {
		if (input == null || input.isBlank()) {
			return null;
		}
		try {
			return PHONES.parse(input, region);
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
