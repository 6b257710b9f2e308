package io.clientele.clients;

import org.jspecify.annotations.Nullable;

/**
 * A person's name typed as one line ("Иванов Иван Петрович", "Ivan Petrov") split into
 * last, first and middle name. Three words with a Russian patronymic in the middle or at
 * the end are read in that order; two words as first and last name, the way web forms are
 * usually filled in; one word as a first name. The user can correct the result.
 */
public record PersonName(@Nullable String last, @Nullable String first, @Nullable String middle) {

	public static PersonName split(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return new PersonName(null, null, null);
		}
		String[] words = name.strip().split("\\s+");
		if (words.length == 1) {
			return new PersonName(null, words[0], null);
		}
		if (words.length == 2) {
			return patronymic(words[1]) ? new PersonName(null, words[0], words[1])
					: new PersonName(words[1], words[0], null);
		}
		if (words.length == 3 && patronymic(words[2])) {
			return new PersonName(words[0], words[1], words[2]);
		}
		if (words.length == 3 && patronymic(words[1])) {
			return new PersonName(words[2], words[0], words[1]);
		}
		return new PersonName(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)), words[0], null);
	}

	private static boolean patronymic(String word) {
		String lower = word.toLowerCase(java.util.Locale.ROOT);
		return lower.endsWith("вич") || lower.endsWith("вна") || lower.endsWith("ична") || lower.endsWith("ьич")
				|| lower.endsWith("оглы") || lower.endsWith("кызы");
	}

}
