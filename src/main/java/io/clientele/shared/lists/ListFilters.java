package io.clientele.shared.lists;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.shared.lists.RecordQuery;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;

/**
 * Turns the filters and the quick text of a {@link RecordQuery} into conditions. A value
 * that does not fit its filter (a date that is not one) is refused on that filter's name.
 */
final class ListFilters {

	private final ListSource source;

	private final Map<String, ListColumn> columns;

	private final String phoneRegion;

	ListFilters(ListSource source, String phoneRegion) {
		this.source = source;
		this.columns = source.columns();
		this.phoneRegion = phoneRegion;
	}

	void apply(RecordQuery query, RecordListQuery.Sql sql) {
		if (query.text() != null && !query.text().isBlank()) {
			quickText(query.text().strip(), sql);
		}
		for (Map.Entry<String, List<String>> filter : query.filters().entrySet()) {
			List<String> values = filter.getValue()
				.stream()
				.filter(value -> value != null && !value.isBlank())
				.toList();
			if (values.isEmpty()) {
				continue;
			}
			String name = filter.getKey();
			String key = name.endsWith(".from") || name.endsWith(".to") ? name.substring(0, name.lastIndexOf('.'))
					: name;
			ListColumn column = columns.get(key);
			if (column == null || column.filter() == null) {
				throw new RuleViolation("f." + name, "filter.unknown", name);
			}
			condition(column, name, values, sql);
		}
	}

	/**
	 * Part of the name (trigram index), the beginning of a tax id, a phone number in any
	 * format, or an e-mail address.
	 */
	private void quickText(String text, RecordListQuery.Sql sql) {
		List<String> alternatives = new ArrayList<>();
		String like = sql.param(RecordListQuery.like(text));
		for (String name : source.nameColumns()) {
			alternatives.add(name + " like " + like);
		}
		String digits = text.replaceAll("\\D", "");
		if (source.reach() && digits.length() >= 4 && digits.length() == text.replaceAll("[\\s()+\\-.]", "").length()) {
			if (source.taxIds()) {
				alternatives.add("c.inn like " + sql.param(digits + "%"));
			}
			try {
				String phone = PhoneNumbers.digits(PhoneNumbers.normalise("q", text, phoneRegion));
				alternatives.add("c.phone_digits @> array[" + sql.param(phone) + "]::text[]");
			}
			catch (RuleViolation notAPhone) {
				// only a tax id then
			}
		}
		if (source.reach() && text.contains("@")) {
			alternatives.add("c.email_lower @> array[" + sql.param(text.toLowerCase(Locale.ROOT)) + "]::text[]");
		}
		sql.where.add("(" + String.join(" or ", alternatives) + ")");
	}

	private void condition(ListColumn column, String name, List<String> values, RecordListQuery.Sql sql) {
		String field = "f." + name;
		CustomField custom = column.field();
		switch (column.filter()) {
			case TEXT -> {
				// The name goes through its trigram index on lower(name). Other columns
				// use ilike on the column itself, for which the planner has statistics:
				// for lower(column) it guesses 100 rows and sends a combined filter to a
				// full scan.
				String expression = switch (column.key()) {
					case "email" -> "array_to_string(c.email_lower, ' ') like ";
					case "inn" -> "c.inn like ";
					case "name" -> "lower(" + column.select() + ") like ";
					default -> (custom != null ? "(c.custom ->> '" + custom.id() + "')" : column.select()) + " ilike ";
				};
				List<String> any = new ArrayList<>();
				for (String value : values) {
					any.add(expression + sql.param(RecordListQuery.like(value)));
				}
				sql.where.add("(" + String.join(" or ", any) + ")");
			}
			case CHOICE -> choice(column, field, values, sql);
			case BOOLEAN -> {
				boolean yes = switch (values.get(0)) {
					case "true" -> true;
					case "false" -> false;
					default -> throw new RuleViolation(field, "filter.value-invalid");
				};
				sql.where.add(yes ? "c.custom @> cast(" + sql.param("{\"" + custom.id() + "\": true}") + " as jsonb)"
						: "not (c.custom @> cast(" + sql.param("{\"" + custom.id() + "\": true}") + " as jsonb))");
			}
			case DATE_RANGE -> {
				LocalDate date = date(field, values.get(0));
				String expression = custom != null ? "(c.custom ->> '" + custom.id() + "')::date" : column.select();
				boolean timestamp = column.sortType() == ListColumn.SortType.TIMESTAMP;
				if (name.endsWith(".from")) {
					sql.where.add(expression + " >= "
							+ sql.param(timestamp ? RecordListQuery.startOfDay(date) : (Object) date));
				}
				else if (name.endsWith(".to")) {
					sql.where.add(expression + " < " + sql
						.param(timestamp ? RecordListQuery.startOfDay(date.plusDays(1)) : (Object) date.plusDays(1)));
				}
				else {
					throw new RuleViolation(field, "filter.range-needs-bound");
				}
			}
			case NUMBER_RANGE -> {
				String expression = custom != null ? "(c.custom ->> '" + custom.id() + "')::numeric" : column.select();
				var number = RecordListQuery.decimal(field, values.get(0));
				sql.where.add(expression + (name.endsWith(".to") ? " <= " : " >= ") + sql.param(number));
			}
			case SEGMENTS -> sql.where.add("c.segment_ids && " + sql.param(ids(field, values)));
			case USER -> sql.where.add("c.responsible_id = any(" + sql.param(ids(field, values)) + ")");
			case OPTION -> sql.where.add(column.select() + " = any(" + sql.param(ids(field, values)) + ")");
			case PHONE -> {
				List<String> any = new ArrayList<>();
				for (String value : values) {
					String digits = PhoneNumbers.digits(PhoneNumbers.normalise(field, value, phoneRegion));
					any.add("c.phone_digits @> array[" + sql.param(digits) + "]::text[]");
				}
				sql.where.add("(" + String.join(" or ", any) + ")");
			}
		}
	}

	private void choice(ListColumn column, String field, List<String> values, RecordListQuery.Sql sql) {
		CustomField custom = column.field();
		List<String> any = new ArrayList<>();
		for (String value : values) {
			if (custom == null) {
				if (source.choice(column.key(), value).isEmpty()) {
					throw new RuleViolation(field, "filter.value-invalid");
				}
				any.add(column.select() + " = " + sql.param(value));
			}
			else {
				if (custom.option(value).isEmpty()) {
					throw new RuleViolation(field, "filter.value-invalid");
				}
				String containment = custom.type() == CustomFieldType.MULTI_CHOICE
						? "{\"" + custom.id() + "\": [\"" + value + "\"]}"
						: "{\"" + custom.id() + "\": \"" + value + "\"}";
				any.add("c.custom @> cast(" + sql.param(containment) + " as jsonb)");
			}
		}
		sql.where.add("(" + String.join(" or ", any) + ")");
	}

	private static Long[] ids(String field, List<String> values) {
		try {
			return values.stream().map(String::strip).map(Long::valueOf).toArray(Long[]::new);
		}
		catch (NumberFormatException ex) {
			throw new RuleViolation(field, "filter.value-invalid");
		}
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(field, "filter.date-invalid");
		}
	}

}
