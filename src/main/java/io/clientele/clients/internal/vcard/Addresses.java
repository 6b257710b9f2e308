package io.clientele.clients.internal.vcard;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ezvcard.property.Address;
import org.jspecify.annotations.Nullable;

/**
 * A postal address (ADR) as the one line the contact card has room for: street, extended
 * address, post office box, locality, region, postal code, country.
 */
final class Addresses {

	private Addresses() {
	}

	static @Nullable String line(Address address) {
		String line = Stream
			.of(address.getStreetAddresses(), address.getExtendedAddresses(), address.getPoBoxes(),
					address.getLocalities(), address.getRegions(), address.getPostalCodes(), address.getCountries())
			.flatMap(List::stream)
			.filter(Objects::nonNull)
			.map(Addresses::oneLine)
			.filter(part -> !part.isEmpty())
			.collect(Collectors.joining(", "));
		if (line.isEmpty() && address.getLabel() != null) {
			line = oneLine(address.getLabel());
		}
		return line.isEmpty() ? null : line;
	}

	/** Line breaks (a street on two lines, a label) become commas. */
	static String oneLine(String text) {
		return text.strip().replaceAll("\\s*(\\r\\n|\\r|\\n)+\\s*", ", ").replaceAll(",(\\s*,)+", ",");
	}

	/**
	 * The address to keep when a card has several: the preferred one, or else the first.
	 */
	static boolean preferred(Address address) {
		Integer pref = address.getPref();
		return (pref != null && pref == 1)
				|| address.getParameters().getTypes().stream().anyMatch(type -> type.equalsIgnoreCase("pref"));
	}

}
