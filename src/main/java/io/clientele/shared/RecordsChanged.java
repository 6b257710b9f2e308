package io.clientele.shared;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.clientele.shared.RecordChanged.Action;
import io.clientele.shared.RecordChanged.FieldChange;
import org.jspecify.annotations.Nullable;

/**
 * The same change to many records at once (an import creating a hundred thousand
 * clients), recorded in their history in one statement instead of one event each.
 *
 * @param recordType the kind of record, e.g. {@code client}
 * @param table the table holding them
 * @param column the column that picks them out, with {@code value}: all rows of
 * {@code table} whose {@code column} equals {@code value}
 * @param changes the same for every record
 */
public record RecordsChanged(String recordType, String table, String column, long value, Action action,
		List<FieldChange> changes, @Nullable Long actorId, Instant at) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]{1,63}");

	public RecordsChanged {
		if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(column).matches()) {
			throw new IllegalArgumentException("Not a table or column name: " + table + "." + column);
		}
		changes = List.copyOf(changes);
	}

}
