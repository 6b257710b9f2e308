package io.clientele.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Lists as submitted: absent means empty; an empty element is bad input, refused on its
 * field.
 */
public final class Lists {

	private Lists() {
	}

	public static <T> List<T> of(String field, @Nullable List<T> submitted) {
		if (submitted == null) {
			return List.of();
		}
		for (int i = 0; i < submitted.size(); i++) {
			if (submitted.get(i) == null) {
				throw new RuleViolation(field + "[" + i + "]", "value.missing");
			}
		}
		return List.copyOf(submitted);
	}

}
