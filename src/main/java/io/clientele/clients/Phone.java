package io.clientele.clients;

import java.util.List;

import io.clientele.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 ({@code +74951234567}) with what it is (work, mobile…).
 */
public record Phone(String number, @Nullable String note) {

	/** The numbers' digits, as the search column {@code phone_digits} holds them. */
	public static List<String> digitsOf(List<Phone> phones) {
		return phones.stream().map(phone -> PhoneNumbers.digits(phone.number())).toList();
	}

}
