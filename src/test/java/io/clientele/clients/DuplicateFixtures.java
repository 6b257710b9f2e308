package io.clientele.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Records for duplicate and merge tests whose names and keys no other test shares: a scan
 * looks through the whole test database, so every test makes its own.
 */
final class DuplicateFixtures {

	private DuplicateFixtures() {
	}

	/**
	 * A word of Latin letters only, different every time and unlike the others (random
	 * syllables: words that differed in their last letters only would be similar names).
	 */
	static String word() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder word = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			word.append("bdfklmnprt".charAt(random.nextInt(10))).append("aoiue".charAt(random.nextInt(5)));
		}
		return word.substring(0, 1).toUpperCase() + word.substring(1);
	}

	/** The same word in Cyrillic letters, as it would be read aloud. */
	static String cyrillic(String word) {
		String latin = "bdfklmnprtaoiue";
		String cyr = "бдфклмнпртаоиуе";
		StringBuilder out = new StringBuilder();
		for (char c : word.toLowerCase().toCharArray()) {
			int at = latin.indexOf(c);
			out.append(at >= 0 ? cyr.charAt(at) : c);
		}
		return out.substring(0, 1).toUpperCase() + out.substring(1);
	}

	/** A 10-digit INN with a valid check digit. */
	static String inn() {
		int[] weights = { 2, 4, 10, 3, 5, 9, 4, 6, 8 };
		StringBuilder inn = new StringBuilder("77");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (inn.length() < 9) {
			inn.append(random.nextInt(10));
		}
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			sum += (inn.charAt(i) - '0') * weights[i];
		}
		return inn.append(sum % 11 % 10).toString();
	}

	/** A Moscow mobile number, as a person might type it. */
	static String phone() {
		return "+7 916 " + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
	}

	static ClientDraft organisation(String name, @Nullable String inn, List<String> phones, List<String> emails,
			@Nullable Long responsibleId) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, inn, null, null, null, null, null,
				null, null, null, null, phones.stream().map(number -> new Phone(number, null)).toList(),
				emails.stream().map(address -> new Email(address, null)).toList(), List.of(), List.of(), List.of(),
				List.of(), List.of(), responsibleId, Map.of());
	}

	static ClientDraft organisation(String name) {
		return organisation(name, null, List.of(), List.of(), null);
	}

	static ContactDraft contact(String lastName, String firstName, long clientId, List<String> phones) {
		return new ContactDraft(lastName, firstName, null, LocalDate.of(1980, 1, 2),
				phones.stream().map(number -> new Phone(number, null)).toList(), List.of(), List.of(), null,
				List.of(new ContactDraft.Work(clientId, null, null, false, false, null)), Map.of());
	}

}
