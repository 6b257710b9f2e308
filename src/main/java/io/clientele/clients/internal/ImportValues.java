package io.clientele.clients.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.clientele.clients.Email;
import io.clientele.clients.ImportField;
import io.clientele.clients.Phone;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * One row of a file as the mapping reads it: the non-empty cells of each mapped field.
 */
final class ImportValues {

	private static final Pattern SEVERAL = Pattern.compile("[,;\\n]+");

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"),
			DateTimeFormatter.ofPattern("d-M-uuuu"));

	private final Map<String, List<String>> values;

	private ImportValues(Map<String, List<String>> values) {
		this.values = values;
	}

	/**
	 * @param mapping column number → field key
	 */
	static ImportValues of(List<String> cells, Map<Integer, String> mapping) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		mapping.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
			if (entry.getKey() < cells.size()) {
				String cell = unneutralised(cells.get(entry.getKey()));
				if (!cell.isBlank()) {
					values.computeIfAbsent(entry.getValue(), key -> new ArrayList<>()).add(cell.strip());
				}
			}
		});
		return new ImportValues(values);
	}

	/**
	 * A cell exported by Clientele (or another careful program) has a leading apostrophe
	 * that keeps spreadsheets from running it: {@code '=SUM(A1)}, {@code '+7 495…}. The
	 * apostrophe is dropped again when what follows is something that would have been
	 * neutralised.
	 */
	static String unneutralised(String cell) {
		if (cell.length() > 1 && cell.charAt(0) == '\'') {
			char next = cell.charAt(1);
			if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
				return cell.substring(1);
			}
		}
		return cell;
	}

	/** The first value of the field, joined from several columns with spaces. */
	@Nullable String text(ImportField field) {
		List<String> found = values.get(field.key());
		return found == null ? null : String.join(" ", found);
	}

	boolean has(ImportField field) {
		return values.containsKey(field.key());
	}

	/** Every value of a repeatable field, cells split at commas, semicolons and lines. */
	List<String> several(ImportField field) {
		List<String> all = new ArrayList<>();
		for (String cell : values.getOrDefault(field.key(), List.of())) {
			for (String part : SEVERAL.split(cell)) {
				if (!part.isBlank()) {
					all.add(part.strip());
				}
			}
		}
		return all;
	}

	List<Phone> phones() {
		return several(ImportField.PHONE).stream().map(number -> new Phone(number, null)).toList();
	}

	List<Email> emails() {
		return several(ImportField.EMAIL).stream().map(address -> new Email(address, null)).toList();
	}

	@Nullable LocalDate date(ImportField field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		String day = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text.split(" ")[0];
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(day, format);
			}
			catch (DateTimeParseException notThisOne) {
				// the next format
			}
		}
		throw new RuleViolation(field.key(), "import.date.invalid", text);
	}

	/** Values of custom fields by field key. */
	Map<String, Object> custom() {
		Map<String, Object> custom = new LinkedHashMap<>();
		values.forEach((key, found) -> {
			if (key.startsWith(ImportField.CUSTOM_PREFIX)) {
				custom.put(key.substring(ImportField.CUSTOM_PREFIX.length()), String.join(" ", found));
			}
		});
		return custom;
	}

}
