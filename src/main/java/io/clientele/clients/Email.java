package io.clientele.clients;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail address as given, with what it is for.
 */
public record Email(String address, @Nullable String note) {

	/** The addresses lower-cased, as the search column {@code email_lower} holds them. */
	public static List<String> lowerCased(List<Email> emails) {
		return emails.stream().map(email -> email.address().toLowerCase(Locale.ROOT)).toList();
	}

}
