package io.clientele.shared.lists;

import io.clientele.shared.customfields.CustomField;
import org.jspecify.annotations.Nullable;

/**
 * A column of a record list: what it selects, how it sorts (never null, so that keyset
 * cursors compare), how it is filtered, whether rows can be grouped by it.
 *
 * @param key the name in URLs and saved views
 * @param labelKey message key of its header, or the literal label of an extra field
 * @param select the SQL expression shown (aliased as the key)
 * @param sort the SQL expression it sorts by, or null when it cannot sort
 * @param sortType the Java type of a sort value, for cursors
 * @param filter how it is filtered, or null when it is not
 * @param field the extra field behind it, if any
 */
public record ListColumn(String key, String labelKey, boolean literalLabel, String select, @Nullable String sort,
		SortType sortType, @Nullable FilterType filter, boolean groupable, @Nullable CustomField field) {

	public enum SortType {

		TEXT, DATE, TIMESTAMP, NUMBER

	}

	public enum FilterType {

		/** contains, case-insensitive */
		TEXT,
		/** one of a fixed list of values */
		CHOICE,
		/** from – to */
		DATE_RANGE,
		/** from – to */
		NUMBER_RANGE,
		/** yes or no */
		BOOLEAN,
		/** holds any of the chosen segments */
		SEGMENTS,
		/** the responsible user */
		USER,
		/** a phone number in any format */
		PHONE

	}

	public boolean sortable() {
		return sort != null;
	}

}
