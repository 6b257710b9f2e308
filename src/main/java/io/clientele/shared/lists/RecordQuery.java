package io.clientele.shared.lists;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a client list asks for: a quick text, filters by column, the columns, the sort, an
 * optional grouping, and where the page starts (a keyset cursor, never an offset).
 *
 * @param filters by filter name: the column key, or {@code key.from} / {@code key.to} for
 * ranges; several values mean any of them
 * @param after the cursor of the row after which the page starts
 * @param before the cursor of the row before which the page ends (going back)
 */
public record RecordQuery(@Nullable String text, Map<String, List<String>> filters, List<String> columns, String sort,
		boolean descending, @Nullable String group, @Nullable String after, @Nullable String before, int size) {

	public static final int MAX_SIZE = 200;

	public RecordQuery {
		filters = filters == null ? Map.of() : Map.copyOf(filters);
		columns = columns == null ? List.of() : List.copyOf(columns);
		size = Math.max(1, Math.min(size, MAX_SIZE));
	}

}
