package io.clientele.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tax identifiers are accepted when their check digits hold and refused on the caller's
 * field otherwise. Every valid example below was checked by hand in its comment.
 */
class TaxIdsTests {

	// 7707083893 (Sberbank): 7*2 + 7*4 + 0*10 + 7*3 + 0*5 + 8*9 + 3*4 + 8*6 + 9*8
	// = 14 + 28 + 0 + 21 + 0 + 72 + 12 + 48 + 72 = 267; 267 mod 11 = 3; 3 mod 10 = 3
	private static final String SBERBANK_INN = "7707083893";

	// 7736207543 (Yandex): 14 + 28 + 30 + 18 + 10 + 0 + 28 + 30 + 32 = 190;
	// 190 mod 11 = 3; 3 mod 10 = 3
	private static final String YANDEX_INN = "7736207543";

	// 7702070139 (VTB): 14 + 28 + 0 + 6 + 0 + 63 + 0 + 6 + 24 = 141; 141 mod 11 = 9
	private static final String VTB_INN = "7702070139";

	// Constructed from 7712345678:
	// 11th: 7*7 + 7*2 + 1*4 + 2*10 + 3*3 + 4*5 + 5*9 + 6*4 + 7*6 + 8*8
	// = 49 + 14 + 4 + 20 + 9 + 20 + 45 + 24 + 42 + 64 = 291; 291 mod 11 = 5
	// 12th: 7*3 + 7*7 + 1*2 + 2*4 + 3*10 + 4*3 + 5*5 + 6*9 + 7*4 + 8*6 + 5*8
	// = 21 + 49 + 2 + 8 + 30 + 12 + 25 + 54 + 28 + 48 + 40 = 317; 317 mod 11 = 9
	private static final String PERSON_INN = "771234567859";

	// 1027700132195 (Sberbank): 102770013219 = 11 * 9342728474 + 5; 5 mod 10 = 5
	private static final String SBERBANK_OGRN = "1027700132195";

	// 1027700229193 (Yandex): 102770022919 = 11 * 9342729356 + 3; 3 mod 10 = 3
	private static final String YANDEX_OGRN = "1027700229193";

	// Constructed OGRNIP: 30477461234567 = 13 * 2344420094966 + 9; 9 mod 10 = 9
	private static final String OGRNIP = "304774612345679";

	@Test
	void publicly_known_ten_digit_inns_are_accepted() {
		assertThat(TaxIds.inn("inn", SBERBANK_INN)).isEqualTo(SBERBANK_INN);
		assertThat(TaxIds.inn("inn", YANDEX_INN)).isEqualTo(YANDEX_INN);
		assertThat(TaxIds.inn("inn", VTB_INN)).isEqualTo(VTB_INN);
	}

	@Test
	void a_twelve_digit_inn_with_both_check_digits_right_is_accepted() {
		assertThat(TaxIds.inn("inn", PERSON_INN)).isEqualTo(PERSON_INN);
	}

	@Test
	void surrounding_whitespace_is_stripped_from_an_inn() {
		assertThat(TaxIds.inn("inn", "  7707083893\t\n")).isEqualTo(SBERBANK_INN);
	}

	@Test
	void a_ten_digit_inn_with_a_wrong_check_digit_is_refused_on_its_field() {
		assertRefused(() -> TaxIds.inn("customerInn", "7707083894"), "customerInn", "taxid.inn.checksum");
	}

	@Test
	void a_ten_digit_inn_with_one_body_digit_changed_is_refused() {
		assertRefused(() -> TaxIds.inn("inn", "7707183893"), "inn", "taxid.inn.checksum");
	}

	@Test
	void a_twelve_digit_inn_with_a_wrong_first_or_second_check_digit_is_refused() {
		assertRefused(() -> TaxIds.inn("inn", "771234567849"), "inn", "taxid.inn.checksum");
		assertRefused(() -> TaxIds.inn("inn", "771234567858"), "inn", "taxid.inn.checksum");
	}

	@Test
	void an_inn_of_the_wrong_length_is_refused_as_a_length_error() {
		assertRefused(() -> TaxIds.inn("inn", "770708389"), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", "77070838931"), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", "7707083893123"), "inn", "taxid.inn.length");
	}

	@Test
	void an_inn_with_letters_or_inner_spaces_is_refused_as_a_length_error() {
		assertRefused(() -> TaxIds.inn("inn", "77070838A3"), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", "7707 083893"), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", "-707083893"), "inn", "taxid.inn.length");
	}

	@Test
	void an_inn_with_non_ascii_digits_is_refused() {
		// Arabic-Indic digits pass Character.isDigit but are not an INN
		assertRefused(() -> TaxIds.inn("inn", "٧٧٠٧٠٨٣٨٩٣"), "inn", "taxid.inn.length");
	}

	@Test
	void a_blank_or_missing_inn_is_refused_without_a_null_pointer_exception() {
		assertRefused(() -> TaxIds.inn("inn", null), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", ""), "inn", "taxid.inn.length");
		assertRefused(() -> TaxIds.inn("inn", "   "), "inn", "taxid.inn.length");
	}

	@Test
	void is_valid_inn_answers_without_throwing() {
		assertThat(TaxIds.isValidInn(SBERBANK_INN)).isTrue();
		assertThat(TaxIds.isValidInn(" " + PERSON_INN + " ")).isTrue();
		assertThat(TaxIds.isValidInn("7707083894")).isFalse();
		assertThat(TaxIds.isValidInn("771234567858")).isFalse();
		assertThat(TaxIds.isValidInn("77070838")).isFalse();
		assertThat(TaxIds.isValidInn("abc")).isFalse();
		assertThat(TaxIds.isValidInn("")).isFalse();
		assertThat(TaxIds.isValidInn(null)).isFalse();
	}

	@Test
	void a_kpp_of_digits_is_accepted() {
		assertThat(TaxIds.kpp("kpp", "773601001")).isEqualTo("773601001");
		assertThat(TaxIds.kpp("kpp", " 773601001 ")).isEqualTo("773601001");
	}

	@Test
	void a_kpp_with_capital_latin_letters_in_the_reason_code_is_accepted() {
		assertThat(TaxIds.kpp("kpp", "7736AB001")).isEqualTo("7736AB001");
		assertThat(TaxIds.kpp("kpp", "77360Z001")).isEqualTo("77360Z001");
	}

	@Test
	void a_kpp_with_letters_outside_the_reason_code_or_of_the_wrong_kind_is_refused() {
		assertRefused(() -> TaxIds.kpp("kpp", "7736ab001"), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", "A73601001"), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", "773601A01"), "kpp", "taxid.kpp.format");
		// Cyrillic А and В look like the Latin capitals
		assertRefused(() -> TaxIds.kpp("kpp", "7736АВ001"), "kpp", "taxid.kpp.format");
	}

	@Test
	void a_kpp_of_the_wrong_length_or_blank_is_refused() {
		assertRefused(() -> TaxIds.kpp("kpp", "77360100"), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", "7736010011"), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", "7736 01001"), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", ""), "kpp", "taxid.kpp.format");
		assertRefused(() -> TaxIds.kpp("kpp", null), "kpp", "taxid.kpp.format");
	}

	@Test
	void publicly_known_ogrns_are_accepted() {
		assertThat(TaxIds.ogrn("ogrn", SBERBANK_OGRN)).isEqualTo(SBERBANK_OGRN);
		assertThat(TaxIds.ogrn("ogrn", YANDEX_OGRN)).isEqualTo(YANDEX_OGRN);
		assertThat(TaxIds.ogrn("ogrn", "\t" + SBERBANK_OGRN + " ")).isEqualTo(SBERBANK_OGRN);
	}

	@Test
	void an_ogrnip_with_a_right_check_digit_is_accepted() {
		assertThat(TaxIds.ogrn("ogrn", OGRNIP)).isEqualTo(OGRNIP);
	}

	@Test
	void an_ogrn_or_ogrnip_with_a_wrong_check_digit_is_refused_on_its_field() {
		assertRefused(() -> TaxIds.ogrn("registrationNumber", "1027700132196"), "registrationNumber",
				"taxid.ogrn.checksum");
		assertRefused(() -> TaxIds.ogrn("ogrn", "1027700132295"), "ogrn", "taxid.ogrn.checksum");
		assertRefused(() -> TaxIds.ogrn("ogrn", "304774612345670"), "ogrn", "taxid.ogrn.checksum");
	}

	@Test
	void an_ogrn_of_the_wrong_length_letters_or_blank_is_refused_as_a_length_error() {
		assertRefused(() -> TaxIds.ogrn("ogrn", "102770013219"), "ogrn", "taxid.ogrn.length");
		assertRefused(() -> TaxIds.ogrn("ogrn", "10277001321951"), "ogrn", "taxid.ogrn.length");
		assertRefused(() -> TaxIds.ogrn("ogrn", "3047746123456790"), "ogrn", "taxid.ogrn.length");
		assertRefused(() -> TaxIds.ogrn("ogrn", "10277001321O5"), "ogrn", "taxid.ogrn.length");
		assertRefused(() -> TaxIds.ogrn("ogrn", " "), "ogrn", "taxid.ogrn.length");
		assertRefused(() -> TaxIds.ogrn("ogrn", null), "ogrn", "taxid.ogrn.length");
	}

	@Test
	void is_valid_ogrn_answers_without_throwing() {
		assertThat(TaxIds.isValidOgrn(SBERBANK_OGRN)).isTrue();
		assertThat(TaxIds.isValidOgrn(OGRNIP)).isTrue();
		assertThat(TaxIds.isValidOgrn("1027700132196")).isFalse();
		assertThat(TaxIds.isValidOgrn("304774612345670")).isFalse();
		assertThat(TaxIds.isValidOgrn("99999999999999")).isFalse();
		assertThat(TaxIds.isValidOgrn("ogrn")).isFalse();
		assertThat(TaxIds.isValidOgrn(null)).isFalse();
	}

	private static void assertRefused(ThrowingCallable call, String field, String messageKey) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(call).satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.messageKey()).isEqualTo(messageKey);
		});
	}

}
