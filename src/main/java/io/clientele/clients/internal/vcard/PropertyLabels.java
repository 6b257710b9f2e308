package io.clientele.clients.internal.vcard;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ezvcard.VCard;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a phone number or address is, by its TYPE parameters or, where Apple and Google
 * put custom labels, by the {@code X-ABLabel} of its group ({@code item1.TEL},
 * {@code item1.X-ABLabel:GRAND_CENTRAL}).
 */
final class PropertyLabels {

	/** Types that say how a number or address is used, not what it is. */
	private static final Set<String> NOISE_TYPES = Set.of("voice", "pref", "internet", "x400", "msg", "text", "video");

	private static final Pattern BUILT_IN_LABEL = Pattern.compile("_\\$!<(.*)>!\\$_");

	private final Map<String, String> labelsByGroup = new HashMap<>();

	PropertyLabels(VCard card) {
		for (RawProperty raw : card.getExtendedProperties()) {
			if (raw.getGroup() != null && raw.getPropertyName().equalsIgnoreCase("X-ABLabel")) {
				labelsByGroup.put(raw.getGroup().toLowerCase(Locale.ROOT), unwrapped(raw.getValue()));
			}
		}
	}

	/**
	 * @return the meaningful TYPE values, lower case and comma-separated, or else the
	 * group's label, or null
	 */
	@Nullable String type(VCardProperty property) {
		String types = property.getParameters()
			.getTypes()
			.stream()
			.map(type -> type.toLowerCase(Locale.ROOT))
			.filter(type -> !NOISE_TYPES.contains(type))
			.distinct()
			.collect(Collectors.joining(","));
		return types.isEmpty() ? label(property) : types;
	}

	/**
	 * @return the label of the property's group, or null
	 */
	@Nullable String label(VCardProperty property) {
		return (property.getGroup() != null) ? labelsByGroup.get(property.getGroup().toLowerCase(Locale.ROOT)) : null;
	}

	/** Apple's and Google's built-in labels ({@code _$!<Anniversary>!$_}) unwrapped. */
	private static String unwrapped(@Nullable String value) {
		String label = (value != null) ? value.strip() : "";
		Matcher builtIn = BUILT_IN_LABEL.matcher(label);
		return builtIn.matches() ? builtIn.group(1) : label;
	}

}
