package io.clientele.shared.lists;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clientele.shared.Labelled;

/**
 * What {@link RecordListQuery} needs to know about one kind of record to list it: its
 * table (always aliased {@code c}), its columns, the values its fixed choice columns
 * take, and where the quick text looks.
 *
 * @param table the table, aliased {@code c} in every expression
 * @param live the condition that leaves out records in the recycle bin, or {@code true}
 * @param kindColumn the column whose value tells rows apart at a glance (a client's kind,
 * a lead's status)
 * @param columns every column a user can show, by key
 * @param choices the values of each built-in choice column, by key: what a filter may ask
 * for, what a stored value reads as, and what the filter offers
 * @param nameColumns the lower-cased text expressions the quick text searches by part
 * (each backed by a trigram index)
 * @param taxIds whether a run of digits in the quick text may be the beginning of a tax
 * id
 * @param jsonLists columns selected as a jsonb array of objects, by key, with the
 * property to show
 * @param nameExpression what a row is called (a client's name, a deal's subject)
 * @param reach whether the table has {@code phone_digits} and {@code email_lower}, which
 * the quick text searches for a phone number or an e-mail address
 */
public record ListSource(String table, String live, String kindColumn, Map<String, ListColumn> columns,
		Map<String, List<Labelled>> choices, List<String> nameColumns, boolean taxIds, Map<String, String> jsonLists,
		String nameExpression, boolean reach) {

	/** A list of records called by {@code c.name}, with phones and e-mails. */
	public ListSource(String table, String live, String kindColumn, Map<String, ListColumn> columns,
			Map<String, List<Labelled>> choices, List<String> nameColumns, boolean taxIds,
			Map<String, String> jsonLists) {
		this(table, live, kindColumn, columns, choices, nameColumns, taxIds, jsonLists, "c.name", true);
	}

	/** The constant of a choice column stored as this name, if the column has it. */
	public Optional<Labelled> choice(String key, String stored) {
		return choices.getOrDefault(key, List.of()).stream().filter(value -> value.name().equals(stored)).findFirst();
	}

}
