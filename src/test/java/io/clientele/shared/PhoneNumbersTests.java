package io.clientele.shared;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Phone numbers typed in the usual Russian habits all come out as the same E.164 number,
 * and that number reads back in the international grouping.
 */
class PhoneNumbersTests {

	@Test
	void a_moscow_number_typed_with_the_trunk_prefix_eight_is_normalised_to_e164() {
		assertThat(PhoneNumbers.normalise("phone", "8 (495) 123-45-67", "RU")).isEqualTo("+74951234567");
	}

	@Test
	void a_moscow_number_typed_with_the_country_code_is_normalised_to_e164() {
		assertThat(PhoneNumbers.normalise("phone", "+7 495 123 45 67", "RU")).isEqualTo("+74951234567");
		assertThat(PhoneNumbers.normalise("phone", "+7(495)1234567", "RU")).isEqualTo("+74951234567");
	}

	@Test
	void a_moscow_number_typed_without_any_prefix_takes_the_default_region() {
		assertThat(PhoneNumbers.normalise("phone", "495 123-45-67", "RU")).isEqualTo("+74951234567");
		assertThat(PhoneNumbers.normalise("phone", "  4951234567 ", "RU")).isEqualTo("+74951234567");
	}

	@Test
	void a_russian_mobile_number_is_normalised_to_e164() {
		assertThat(PhoneNumbers.normalise("phone", "8 916 123-45-67", "RU")).isEqualTo("+79161234567");
	}

	@Test
	void a_number_with_a_foreign_country_code_keeps_it_whatever_the_default_region() {
		assertThat(PhoneNumbers.normalise("phone", "+49 30 901820", "RU")).isEqualTo("+4930901820");
		assertThat(PhoneNumbers.normalise("phone", "+44 20 7946 0958", "RU")).isEqualTo("+442079460958");
	}

	@Test
	void an_extension_is_dropped_from_the_e164_number() {
		assertThat(PhoneNumbers.normalise("phone", "+7 495 123-45-67 доб. 123", "RU")).isEqualTo("+74951234567");
		assertThat(PhoneNumbers.normalise("phone", "8 (495) 123-45-67 ext. 12", "RU")).isEqualTo("+74951234567");
	}

	@Test
	void a_number_of_possible_length_in_an_unassigned_range_is_accepted() {
		// the 0xx area codes are not assigned in Russia, so the number is not "valid",
		// but it has the right length and is therefore kept
		assertThat(PhoneNumbers.normalise("phone", "+7 012 345-67-89", "RU")).isEqualTo("+70123456789");
	}

	@Test
	void a_number_too_short_or_too_long_for_its_country_is_refused_on_its_field() {
		assertRefused(() -> PhoneNumbers.normalise("mobile", "495 123-45", "RU"), "mobile", "phone.invalid");
		assertRefused(() -> PhoneNumbers.normalise("mobile", "+7 495 123-45-67-89", "RU"), "mobile", "phone.invalid");
	}

	@Test
	void text_that_is_not_a_phone_number_is_refused() {
		assertRefused(() -> PhoneNumbers.normalise("phone", "call me maybe", "RU"), "phone", "phone.invalid");
		assertRefused(() -> PhoneNumbers.normalise("phone", "+", "RU"), "phone", "phone.invalid");
		assertRefused(() -> PhoneNumbers.normalise("phone", "+999 123 456", "RU"), "phone", "phone.invalid");
	}

	@Test
	void a_blank_or_missing_phone_number_is_refused_without_a_null_pointer_exception() {
		assertRefused(() -> PhoneNumbers.normalise("phone", null, "RU"), "phone", "phone.invalid");
		assertRefused(() -> PhoneNumbers.normalise("phone", "", "RU"), "phone", "phone.invalid");
		assertRefused(() -> PhoneNumbers.normalise("phone", " \t ", "RU"), "phone", "phone.invalid");
	}

	@Test
	void an_e164_number_is_displayed_in_the_international_format() {
		assertThat(PhoneNumbers.display("+74951234567")).isEqualTo("+7 495 123-45-67");
		assertThat(PhoneNumbers.display("+79161234567")).isEqualTo("+7 916 123-45-67");
	}

	@Test
	void a_stored_value_that_cannot_be_parsed_is_displayed_unchanged() {
		assertThat(PhoneNumbers.display("ask reception")).isEqualTo("ask reception");
		assertThat(PhoneNumbers.display("4951234567")).isEqualTo("4951234567");
	}

	@Test
	void only_the_digits_of_a_number_are_kept_for_search() {
		assertThat(PhoneNumbers.digits("+74951234567")).isEqualTo("74951234567");
		assertThat(PhoneNumbers.digits("+7 495 123-45-67")).isEqualTo("74951234567");
	}

	@Test
	void display_and_digits_refuse_a_blank_or_missing_value_without_a_field() {
		assertRefused(() -> PhoneNumbers.display(null), null, "phone.invalid");
		assertRefused(() -> PhoneNumbers.display(" "), null, "phone.invalid");
		assertRefused(() -> PhoneNumbers.digits(null), null, "phone.invalid");
		assertRefused(() -> PhoneNumbers.digits(""), null, "phone.invalid");
		assertRefused(() -> PhoneNumbers.digits("+"), null, "phone.invalid");
	}

	private static void assertRefused(ThrowingCallable call, @Nullable String field, String messageKey) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(call).satisfies((violation) -> {
			assertThat(violation.field()).isEqualTo(field);
			assertThat(violation.messageKey()).isEqualTo(messageKey);
		});
	}

}
