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
		PHONE,
		/** one or more of the records a {@link ListNames} names (a deal's stage) */
		OPTION

	}

	public boolean sortable() {
		return sort != null;
	}

	/**
	 * The column of an extra field, kept in the {@code custom} jsonb column of the table.
	 */
	public static ListColumn custom(CustomField field) {
		String value = "c.custom ->> '" + field.id() + "'";
		return switch (field.type()) {
			case NUMBER -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					"coalesce((" + value + ")::numeric, -1e18)", SortType.NUMBER, FilterType.NUMBER_RANGE, false,
					field);
			case DATE -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					"coalesce((" + value + ")::date, date '0001-01-01')", SortType.DATE, FilterType.DATE_RANGE, false,
					field);
			case BOOLEAN -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					"coalesce(" + value + ", '')", SortType.TEXT, FilterType.BOOLEAN, true, field);
			case CHOICE -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					"coalesce(" + value + ", '')", SortType.TEXT, FilterType.CHOICE, true, field);
			case MULTI_CHOICE -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					null, SortType.TEXT, FilterType.CHOICE, false, field);
			case TEXT, LINK -> new ListColumn(field.column(), field.label(), true, "c.custom -> '" + field.id() + "'",
					"coalesce(lower(" + value + "), '')", SortType.TEXT, FilterType.TEXT, false, field);
		};
	}

}
