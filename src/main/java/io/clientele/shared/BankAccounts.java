package io.clientele.shared;

import org.jspecify.annotations.Nullable;

/**
 * Russian bank details are checked against each other with the Bank of Russia control
 * key, so an account number with a slipped digit, or one that belongs to a different bank
 * than the BIC, is refused on the form rather than by the bank when a payment bounces.
 */
public final class BankAccounts {

	private static final int[] KEY_WEIGHTS = { 7, 1, 3 };

	private BankAccounts() {
	}

	/**
	 * A BIC of a Russian bank.
	 * @param field the form field to blame
	 * @param value what the user typed
	 * @return the nine digits without surrounding whitespace
	 * @throws RuleViolation {@code bank.bic.format} if it is not nine digits
	 */
	public static String bic(String field, @Nullable String value) {
		String digits = digitsOnly(value);
		if (digits == null || digits.length() != 9) {
			throw new RuleViolation(field, "bank.bic.format");
		}
		return digits;
	}

	/**
	 * A settlement account held at the bank with the given BIC; the control key is
	 * computed over the last three digits of the BIC followed by the account. Callers
	 * check the BIC on its own field first; should it still be malformed here, the
	 * refusal is {@code bank.bic.format} on this account's field.
	 * @param field the form field of the account, to blame
	 * @param bic the bank's BIC
	 * @param account what the user typed as the account
	 * @return the twenty digits without surrounding whitespace
	 * @throws RuleViolation {@code bank.account.format} if it is not twenty digits,
	 * {@code bank.bic.format} if the BIC is not nine digits,
	 * {@code bank.account.checksum} if the control key does not match
	 */
	public static String account(String field, @Nullable String bic, @Nullable String account) {
		return checked(field, bic, account, false);
	}

	/**
	 * A bank's correspondent account at the Bank of Russia; the control key is computed
	 * over {@code 0} and the fifth and sixth digits of the BIC followed by the account.
	 * @param field the form field of the account, to blame
	 * @param bic the bank's BIC
	 * @param account what the user typed as the correspondent account
	 * @return the twenty digits without surrounding whitespace
	 * @throws RuleViolation as for {@link #account(String, String, String)}
	 */
	public static String correspondentAccount(String field, @Nullable String bic, @Nullable String account) {
		return checked(field, bic, account, true);
	}

	private static String checked(String field, @Nullable String bic, @Nullable String account, boolean correspondent) {
		String accountDigits = digitsOnly(account);
		if (accountDigits == null || accountDigits.length() != 20) {
			throw new RuleViolation(field, "bank.account.format");
		}
		String bicDigits = digitsOnly(bic);
		if (bicDigits == null || bicDigits.length() != 9) {
			throw new RuleViolation(field, "bank.bic.format");
		}
		String prefix = correspondent ? "0" + bicDigits.substring(4, 6) : bicDigits.substring(6);
		if (!controlKeyMatches(prefix + accountDigits)) {
			throw new RuleViolation(field, "bank.account.checksum");
		}
		return accountDigits;
	}

	private static boolean controlKeyMatches(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			sum += (digits.charAt(i) - '0') * KEY_WEIGHTS[i % KEY_WEIGHTS.length];
		}
		return sum % 10 == 0;
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
