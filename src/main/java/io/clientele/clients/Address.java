package io.clientele.clients;

import org.jspecify.annotations.Nullable;

/**
 * A postal address; the city is kept apart so that lists can filter and sort by it.
 */
public record Address(Kind kind, String text, @Nullable String city, @Nullable String postcode) {

	public enum Kind {

		LEGAL, ACTUAL, POSTAL, HOME;

		public String messageKey() {
			return "address.kind." + name();
		}

	}

}
