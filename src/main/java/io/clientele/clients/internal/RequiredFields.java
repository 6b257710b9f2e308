package io.clientele.clients.internal;

import java.util.List;

/**
 * The fields an administrator can make required for a kind of client, and whether a
 * client has them filled in.
 */
public final class RequiredFields {

	/** In the order the settings page offers them. */
	public static final List<String> CHOOSABLE = List.of("shortName", "inn", "kpp", "ogrn", "industry", "size",
			"website", "source", "birthday", "foundedOn", "phones", "emails", "messengers", "addresses", "bankAccounts",
			"segments");

	private RequiredFields() {
	}

	public static String labelKey(String field) {
		return "client.field." + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
	}

	static boolean filled(Client client, String field) {
		return switch (field) {
			case "shortName" -> present(client.shortName());
			case "inn" -> present(client.inn());
			case "kpp" -> present(client.kpp());
			case "ogrn" -> present(client.ogrn());
			case "industry" -> present(client.industry());
			case "size" -> client.size() != null;
			case "website" -> present(client.website());
			case "source" -> present(client.source());
			case "birthday" -> client.birthday() != null;
			case "foundedOn" -> client.foundedOn() != null;
			case "phones" -> !client.phones().isEmpty();
			case "emails" -> !client.emails().isEmpty();
			case "messengers" -> !client.messengers().isEmpty();
			case "addresses" -> !client.addresses().isEmpty();
			case "bankAccounts" -> !client.bankAccounts().isEmpty();
			case "segments" -> !client.segmentIds().isEmpty();
			default -> true;
		};
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
