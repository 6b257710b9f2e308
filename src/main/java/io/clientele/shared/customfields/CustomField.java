package io.clientele.shared.customfields;

import java.util.List;
import java.util.Optional;

/**
 * An extra field an administrator added to a kind of record. Values are kept in the
 * record's {@code custom} jsonb column under {@link #key()}.
 *
 * @param entity the kind of record it belongs to, e.g. {@code CLIENT}
 * @param shownInList whether lists show it as a column by default
 */
public record CustomField(long id, String entity, String label, CustomFieldType type, boolean required,
		List<Option> options, int position, boolean shownInList, boolean active, long version) {

	public CustomField {
		options = List.copyOf(options);
	}

	/**
	 * The key of the value in the record's {@code custom} object, and of its list column.
	 */
	public String key() {
		return String.valueOf(id);
	}

	/** The list column and filter name of this field. */
	public String column() {
		return "cf" + id;
	}

	public Optional<Option> option(String code) {
		return options.stream().filter(option -> option.code().equals(code)).findFirst();
	}

	public record Option(String code, String label) {
	}

}
