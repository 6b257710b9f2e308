package io.clientele.shared.lists;

import java.util.List;
import java.util.Map;

import io.clientele.shared.lists.ListColumn;
import org.jspecify.annotations.Nullable;

/**
 * A page of a record list (clients, leads).
 *
 * @param next the cursor of the next page, or null on the last
 * @param previous the cursor of the previous page, or null on the first
 */
public record RecordListPage(List<ListColumn> columns, List<Row> rows, @Nullable String next, @Nullable String previous,
		Total total, @Nullable ListColumn group) {

	/**
	 * @param kind what tells rows apart at a glance: a client's kind, a lead's status
	 * @param values by column key, as read from the database
	 * @param groupValue the value of the grouping column, when grouped
	 */
	public record Row(long id, String kind, String name, @Nullable Long responsibleId,
			Map<String, @Nullable Object> values, @Nullable Object groupValue) {
	}

	/**
	 * How many records match: counted exactly up to {@link #EXACT_UP_TO}, estimated from
	 * the planner's statistics beyond, where counting would cost more than the page.
	 */
	public record Total(long value, boolean exact) {

		public static final int EXACT_UP_TO = 1_000;

	}

}
