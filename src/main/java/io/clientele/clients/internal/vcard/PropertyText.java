package io.clientele.clients.internal.vcard;

import java.util.Locale;
import java.util.stream.Collectors;

import ezvcard.VCardVersion;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.scribe.VCardPropertyScribe;
import ezvcard.io.text.WriteContext;
import ezvcard.property.Address;
import ezvcard.property.BinaryProperty;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Gender;
import ezvcard.property.Impp;
import ezvcard.property.ListProperty;
import ezvcard.property.RawProperty;
import ezvcard.property.SimpleProperty;
import ezvcard.property.VCardProperty;
import org.jspecify.annotations.Nullable;

/**
 * A property's name and value as short text, to tell the user what was not imported.
 */
final class PropertyText {

	private static final ScribeIndex SCRIBES = new ScribeIndex();

	private static final int MAX_LENGTH = 500;

	private PropertyText() {
	}

	static String name(VCardProperty property) {
		if (property instanceof RawProperty) {
			return ((RawProperty) property).getPropertyName().toUpperCase(Locale.ROOT);
		}
		return SCRIBES.getPropertyScribe(property).getPropertyName();
	}

	static String value(VCardProperty property, VCardVersion version) {
		return shortened(text(property, version));
	}

	private static String text(VCardProperty property, VCardVersion version) {
		if (property instanceof BinaryProperty) {
			BinaryProperty<?> binary = (BinaryProperty<?>) property;
			return (binary.getUrl() != null) ? binary.getUrl()
					: "(" + ((binary.getData() != null) ? binary.getData().length : 0) + " bytes)";
		}
		if (property instanceof RawProperty) {
			return orEmpty(((RawProperty) property).getValue());
		}
		if (property instanceof ListProperty) {
			return ((ListProperty<?>) property).getValues()
				.stream()
				.map(String::valueOf)
				.collect(Collectors.joining(", "));
		}
		if (property instanceof SimpleProperty) {
			return String.valueOf(((SimpleProperty<?>) property).getValue());
		}
		if (property instanceof DateOrTimeProperty) {
			return date((DateOrTimeProperty) property);
		}
		if (property instanceof Address) {
			return orEmpty(Addresses.line((Address) property));
		}
		if (property instanceof Impp) {
			return String.valueOf(((Impp) property).getUri());
		}
		if (property instanceof Gender) {
			return orEmpty(((Gender) property).getGender());
		}
		return written(SCRIBES.getPropertyScribe(property), property, version);
	}

	static String date(DateOrTimeProperty property) {
		if (property.getDate() != null) {
			return property.getDate().toString();
		}
		if (property.getPartialDate() != null) {
			return property.getPartialDate().toISO8601(true);
		}
		return orEmpty(property.getText());
	}

	@SuppressWarnings("unchecked")
	private static <T extends VCardProperty> String written(VCardPropertyScribe<T> scribe, VCardProperty property,
			VCardVersion version) {
		return scribe.writeText((T) property, new WriteContext(version, null, false));
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static String shortened(String text) {
		String line = text.strip();
		return (line.length() <= MAX_LENGTH) ? line : line.substring(0, MAX_LENGTH) + "…";
	}

}
