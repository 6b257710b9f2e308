package io.clientele.clients;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Two records side by side before a merge: the one suggested to survive (the more
 * complete, or the older of two alike) and the one that goes into it, with every field
 * where they differ and the value suggested for it.
 *
 * @param fields the fields in the order of the card
 */
public record MergeComparison(String type, Side survivor, Side merged, List<Field> fields) {

	/**
	 * @param links what points at the record and moves to the survivor, by message key
	 * ({@code merge.links.contacts}…) with how many
	 */
	public record Side(long id, long version, String name, Instant createdAt, @Nullable String owner,
			Map<String, Integer> links) {
	}

	/**
	 * @param key the name of the choice ({@link MergeRequest#picks()})
	 * @param label message key of the label, or the label itself when
	 * {@code literalLabel}
	 * @param list whether both values can be kept together
	 * @param format {@code TEXT}, {@code KEY} (values are message keys) or {@code DATE}
	 * (ISO dates)
	 * @param same whether both records hold the same value (no choice to make)
	 * @param pick the suggested choice
	 */
	public record Field(String key, String label, boolean literalLabel, boolean list, String format,
			List<String> survivorValues, List<String> mergedValues, boolean same, MergePick pick) {
	}

	public List<Field> differing() {
		return fields.stream().filter(field -> !field.same()).toList();
	}

	/** The fields both records fill with the same value. */
	public List<Field> alike() {
		return fields.stream().filter(field -> field.same() && !field.survivorValues().isEmpty()).toList();
	}

}
