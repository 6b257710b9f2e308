package io.clientele.clients.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.clientele.shared.Labelled;

/**
 * What {@link RecordListQuery} needs to know about one kind of record to list it: its
 * table (always aliased {@code c}), its columns, the values its fixed choice columns
 * take, and where the quick text looks.
 *
 * @param table the table, aliased {@code c} in every expression
 * @param kindColumn the column whose value tells rows apart at a glance (a client's kind,
 * a lead's status)
 * @param columns every column a user can show, by key
 * @param choices the allowed values of each built-in choice column, by key
 * @param nameColumns the lower-cased text expressions the quick text searches by part
 * (each backed by a trigram index)
 * @param taxIds whether a run of digits in the quick text may be the beginning of a tax
 * id
 * @param jsonLists columns selected as a jsonb array of objects, by key, with the
 * property to show
 * @param decoders turn the stored value of a built-in choice column into its constant
 * @param live the condition that leaves out records in the recycle bin, or {@code true}
 */
public record ListSource(String table, String live, String kindColumn, Map<String, ListColumn> columns,
		Map<String, Set<String>> choices, List<String> nameColumns, boolean taxIds, Map<String, String> jsonLists,
		Map<String, Function<String, Labelled>> decoders) {

	/** The allowed values of built-in choice columns, from their enums. */
	public static Map<String, Set<String>> choicesOf(Map<String, Enum<?>[]> enums) {
		Map<String, Set<String>> choices = new java.util.HashMap<>();
		enums.forEach((key, constants) -> choices.put(key,
				java.util.Arrays.stream(constants).map(Enum::name).collect(java.util.stream.Collectors.toSet())));
		return choices;
	}

}
