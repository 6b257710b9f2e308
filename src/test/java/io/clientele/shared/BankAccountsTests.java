package io.clientele.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bank accounts are accepted when the Bank of Russia control key ties them to the BIC.
 * The valid examples are computed in their comments with the weights 7, 1, 3 repeated.
 */
class BankAccountsTests {

	// Sberbank, Moscow
	private static final String SBERBANK_BIC = "044525225";

	// "0" + BIC digits 5-6 ("25") + account = 025 30101810400000000225
	// digits: 0 2 5 3 0 1 0 1 8 1 0 4 0 0 0 0 0 0 0 0 2 2 5
	// weights: 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1
	// products: 0+2+15+21+0+3+0+1+24+7+0+12+0+0+0+0+0+0+0+0+6+14+5 = 110, divisible by 10
	private static final String SBERBANK_CORRESPONDENT_ACCOUNT = "30101810400000000225";

	// Constructed for a company (407, resident, roubles 810) at Sberbank: BIC's last
	// three
	// digits ("225") + account = 225 40702810200000012345
	// digits: 2 2 5 4 0 7 0 2 8 1 0 2 0 0 0 0 0 0 1 2 3 4 5
	// weights: 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1 3 7 1
	// products: 14+2+15+28+0+21+0+2+24+7+0+6+0+0+0+0+0+0+7+2+9+28+5 = 170, divisible by
	// 10
	// (with the key digit 3 instead of 2 the sum would be 173)
	private static final String SETTLEMENT_ACCOUNT = "40702810200000012345";

	@Test
	void a_nine_digit_bic_is_accepted_and_stripped() {
		assertThat(BankAccounts.bic("bic", SBERBANK_BIC)).isEqualTo(SBERBANK_BIC);
		assertThat(BankAccounts.bic("bic", " 044525225\n")).isEqualTo(SBERBANK_BIC);
	}

	@Test
	void a_bic_of_the_wrong_length_with_letters_or_blank_is_refused_on_its_field() {
		assertRefused(() -> BankAccounts.bic("bankBic", "04452522"), "bankBic", "bank.bic.format");
		assertRefused(() -> BankAccounts.bic("bankBic", "0445252250"), "bankBic", "bank.bic.format");
		assertRefused(() -> BankAccounts.bic("bankBic", "04452522O"), "bankBic", "bank.bic.format");
		assertRefused(() -> BankAccounts.bic("bankBic", "044 525 225"), "bankBic", "bank.bic.format");
		assertRefused(() -> BankAccounts.bic("bankBic", ""), "bankBic", "bank.bic.format");
		assertRefused(() -> BankAccounts.bic("bankBic", null), "bankBic", "bank.bic.format");
	}

	@Test
	void sberbanks_correspondent_account_matches_its_bic() {
		assertThat(
				BankAccounts.correspondentAccount("correspondentAccount", SBERBANK_BIC, SBERBANK_CORRESPONDENT_ACCOUNT))
			.isEqualTo(SBERBANK_CORRESPONDENT_ACCOUNT);
	}

	@Test
	void a_settlement_account_whose_control_key_matches_the_bic_is_accepted() {
		assertThat(BankAccounts.account("account", SBERBANK_BIC, SETTLEMENT_ACCOUNT)).isEqualTo(SETTLEMENT_ACCOUNT);
		assertThat(BankAccounts.account("account", " 044525225 ", "  40702810200000012345 "))
			.isEqualTo(SETTLEMENT_ACCOUNT);
	}

	@Test
	void a_settlement_account_with_one_digit_changed_is_refused_on_its_field() {
		assertRefused(() -> BankAccounts.account("settlementAccount", SBERBANK_BIC, "40702810300000012345"),
				"settlementAccount", "bank.account.checksum");
		assertRefused(() -> BankAccounts.account("settlementAccount", SBERBANK_BIC, "40702810200000012346"),
				"settlementAccount", "bank.account.checksum");
	}

	@Test
	void a_settlement_account_checked_against_another_banks_bic_is_refused() {
		// VTB's BIC 044525187 ends in 187, not 225: 1*7 + 8*1 + 7*3 = 36 instead of 31,
		// so the sum is 175
		assertRefused(() -> BankAccounts.account("account", "044525187", SETTLEMENT_ACCOUNT), "account",
				"bank.account.checksum");
	}

	@Test
	void a_correspondent_account_is_not_accepted_by_the_settlement_rule_and_vice_versa() {
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, SBERBANK_CORRESPONDENT_ACCOUNT), "account",
				"bank.account.checksum");
		assertRefused(() -> BankAccounts.correspondentAccount("account", SBERBANK_BIC, SETTLEMENT_ACCOUNT), "account",
				"bank.account.checksum");
	}

	@Test
	void a_correspondent_account_with_one_digit_changed_is_refused() {
		assertRefused(
				() -> BankAccounts.correspondentAccount("correspondentAccount", SBERBANK_BIC, "30101810400000000226"),
				"correspondentAccount", "bank.account.checksum");
	}

	@Test
	void an_account_of_the_wrong_length_with_letters_or_blank_is_refused_as_a_format_error() {
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, "4070281020000001234"), "account",
				"bank.account.format");
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, "407028102000000123456"), "account",
				"bank.account.format");
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, "4070281020000001234A"), "account",
				"bank.account.format");
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, "40702 810 2 00000012345"), "account",
				"bank.account.format");
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, " "), "account", "bank.account.format");
		assertRefused(() -> BankAccounts.account("account", SBERBANK_BIC, null), "account", "bank.account.format");
		assertRefused(() -> BankAccounts.correspondentAccount("account", SBERBANK_BIC, null), "account",
				"bank.account.format");
	}

	@Test
	void an_account_checked_against_a_malformed_bic_is_refused_on_the_account_field() {
		assertRefused(() -> BankAccounts.account("account", "04452522", SETTLEMENT_ACCOUNT), "account",
				"bank.bic.format");
		assertRefused(() -> BankAccounts.account("account", null, SETTLEMENT_ACCOUNT), "account", "bank.bic.format");
		assertRefused(() -> BankAccounts.correspondentAccount("account", "", SBERBANK_CORRESPONDENT_ACCOUNT), "account",
				"bank.bic.format");
	}

	private static void assertRefused(ThrowingCallable call, String field, String messageKey) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(call).satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.messageKey()).isEqualTo(messageKey);
		});
	}

}
