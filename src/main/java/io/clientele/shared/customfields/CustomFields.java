package io.clientele.shared.customfields;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Extra fields of clients, contacts and later deals: their definitions, and the checking
 * and display of their values. A value is refused on write when it does not fit its
 * field; a required field must have a value.
 */
@Service
public class CustomFields {

	public static final int TEXT_MAX = 1000;

	private static final TypeReference<List<CustomField.Option>> OPTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSource messages;

	CustomFields(JdbcClient jdbc, JsonMapper json, MessageSource messages) {
		this.jdbc = jdbc;
		this.json = json;
		this.messages = messages;
	}

	/** The active fields of a kind of record, in their order. */
	@Transactional(readOnly = true)
	public List<CustomField> of(String entity) {
		return jdbc.sql("select * from custom_fields where entity = ? and active order by position, id")
			.param(entity)
			.query(this::field)
			.list();
	}

	/** All fields of a kind of record, deactivated ones included (administration). */
	@Transactional(readOnly = true)
	public List<CustomField> all(String entity) {
		return jdbc.sql("select * from custom_fields where entity = ? order by active desc, position, id")
			.param(entity)
			.query(this::field)
			.list();
	}

	@Transactional(readOnly = true)
	public CustomField get(long id) {
		return jdbc.sql("select * from custom_fields where id = ?")
			.param(id)
			.query(this::field)
			.optional()
			.orElseThrow(() -> new RecordNotFound("CustomField", id));
	}

	public record Definition(String label, CustomFieldType type, boolean required, List<String> optionLabels,
			boolean shownInList) {
	}

	@Transactional
	public long define(String entity, Definition definition) {
		String label = TextRules.required("label", definition.label(), 100);
		List<CustomField.Option> options = options(definition, List.of());
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from custom_fields where entity = ?")
			.param(entity)
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				insert into custom_fields (entity, label, type, required, options, position, shown_in_list)
				values (?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id
				""")
			.params(entity, label, definition.type().name(), definition.required(), json.writeValueAsString(options),
					position, definition.shownInList())
			.query(Long.class)
			.single();
	}

	/** Changes label, options, required and list display; the type of a field stays. */
	@Transactional
	public void redefine(long id, Definition definition, long version) {
		CustomField field = get(id);
		if (field.version() != version) {
			throw new io.clientele.shared.ConcurrentEdit("CustomField", id, version, field.version());
		}
		String label = TextRules.required("label", definition.label(), 100);
		List<CustomField.Option> options = options(definition, field.options());
		jdbc.sql("""
				update custom_fields set label = ?, required = ?, options = cast(? as jsonb), shown_in_list = ?,
				       version = version + 1
				 where id = ?
				""")
			.params(label, definition.required(), json.writeValueAsString(options), definition.shownInList(), id)
			.update();
	}

	@Transactional
	public void setActive(long id, boolean active) {
		jdbc.sql("update custom_fields set active = ?, version = version + 1 where id = ?").params(active, id).update();
	}

	/**
	 * Checks the submitted values of a record's extra fields and returns them as they are
	 * stored. Fields without a submitted value keep their current one ({@code current}),
	 * unless {@code replaceAll}; a required field without a value is refused.
	 * @param submitted by field key: a String, a Boolean, a Number or a Collection of
	 * Strings; an empty string or an empty collection clears the value
	 * @param replaceAll whether fields missing from {@code submitted} are cleared
	 */
	public Map<String, Object> check(List<CustomField> fields, Map<String, ?> submitted, Map<String, Object> current,
			boolean replaceAll) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (CustomField field : fields) {
			Object value;
			if (submitted.containsKey(field.key())) {
				value = normalise(field, submitted.get(field.key()));
			}
			else {
				value = replaceAll ? null : current.get(field.key());
			}
			if (value == null) {
				if (field.required()) {
					throw new RuleViolation(field.column(), "custom-field.required", field.label());
				}
				continue;
			}
			values.put(field.key(), value);
		}
		for (String key : submitted.keySet()) {
			if (fields.stream().noneMatch(field -> field.key().equals(key))) {
				throw new RuleViolation("cf" + key, "custom-field.unknown", key);
			}
		}
		// Values of deactivated fields are kept, not lost.
		current.forEach((key, value) -> {
			if (fields.stream().noneMatch(field -> field.key().equals(key))) {
				values.put(key, value);
			}
		});
		return values;
	}

	/**
	 * A value as the history keeps it, independent of the reader's language: numbers and
	 * dates in their plain form, choices by their labels. Yes/no is made a message key by
	 * the caller ({@code value.yes}, {@code value.no}).
	 */
	public static String neutral(CustomField field, Object value) {
		return switch (field.type()) {
			case BOOLEAN -> Boolean.parseBoolean(value.toString()) ? "value.yes" : "value.no";
			case CHOICE -> field.option(value.toString()).map(CustomField.Option::label).orElse(value.toString());
			case MULTI_CHOICE -> ((Collection<?>) value).stream()
				.map(code -> field.option(code.toString()).map(CustomField.Option::label).orElse(code.toString()))
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			default -> value.toString();
		};
	}

	/**
	 * How the history shows a field's {@link #neutral} value: numbers and dates in the
	 * reader's format; null for the rest.
	 */
	public static io.clientele.shared.RecordChanged.@Nullable ValueFormat historyFormat(CustomField field) {
		return switch (field.type()) {
			case NUMBER -> io.clientele.shared.RecordChanged.ValueFormat.NUMBER;
			case DATE -> io.clientele.shared.RecordChanged.ValueFormat.DATE;
			default -> null;
		};
	}

	/** A stored value as a reader sees it, in their language. */
	public String display(CustomField field, @Nullable Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		return switch (field.type()) {
			case NUMBER -> NumberFormat.getNumberInstance(locale).format(new BigDecimal(value.toString()));
			case DATE -> LocalDate.parse(value.toString())
				.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
			case BOOLEAN ->
				messages.getMessage(Boolean.parseBoolean(value.toString()) ? "value.yes" : "value.no", null, locale);
			case CHOICE -> field.option(value.toString()).map(CustomField.Option::label).orElse(value.toString());
			case MULTI_CHOICE -> ((Collection<?>) value).stream()
				.map(code -> field.option(code.toString()).map(CustomField.Option::label).orElse(code.toString()))
				.reduce((a, b) -> a + ", " + b)
				.orElse("");
			default -> value.toString();
		};
	}

	private static @Nullable Object normalise(CustomField field, @Nullable Object raw) {
		if (raw == null || (raw instanceof String text && text.isEmpty())
				|| (raw instanceof Collection<?> many && many.isEmpty())) {
			return null;
		}
		String column = field.column();
		return switch (field.type()) {
			case TEXT -> TextRules.line(column, asText(column, raw), TEXT_MAX);
			case NUMBER -> number(column, raw);
			case DATE -> date(column, raw);
			case BOOLEAN -> bool(column, raw);
			case CHOICE -> choice(field, asText(column, raw));
			case MULTI_CHOICE -> multiChoice(field, raw);
			case LINK -> link(column, asText(column, raw));
		};
	}

	private static String asText(String column, Object raw) {
		if (raw instanceof String text) {
			return text;
		}
		if (raw instanceof Number || raw instanceof Boolean) {
			return raw.toString();
		}
		throw new RuleViolation(column, "custom-field.invalid");
	}

	/**
	 * A whole number as a long, any other as a double (the types JSON gives back), so
	 * that a stored value mostly equals itself after the round trip and a new record is
	 * not written twice. Whole numbers that fit an int still are: see docs/benchmarks.md.
	 */
	private static Number number(String column, Object raw) {
		String text = raw instanceof Number given ? given.toString()
				: asText(column, raw).strip().replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new RuleViolation(column, "custom-field.number");
		}
		// 15 significant digits survive the trip through a double exactly.
		if (number.abs().compareTo(new BigDecimal("1e15")) >= 0 || number.scale() > 6 || number.precision() > 15) {
			throw new RuleViolation(column, "custom-field.number-range");
		}
		if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
			return number.longValueExact();
		}
		return Double.valueOf(number.toPlainString());
	}

	private static String date(String column, Object raw) {
		try {
			return LocalDate.parse(asText(column, raw).strip()).toString();
		}
		catch (DateTimeParseException ex) {
			throw new RuleViolation(column, "custom-field.date");
		}
	}

	private static Boolean bool(String column, Object raw) {
		if (raw instanceof Boolean value) {
			return value;
		}
		return switch (asText(column, raw).strip().toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1" -> true;
			case "false", "off", "no", "0" -> false;
			default -> throw new RuleViolation(column, "custom-field.boolean");
		};
	}

	private static String choice(CustomField field, String code) {
		if (field.option(code).isEmpty()) {
			throw new RuleViolation(field.column(), "custom-field.choice");
		}
		return code;
	}

	private static @Nullable List<String> multiChoice(CustomField field, Object raw) {
		Collection<?> codes = raw instanceof Collection<?> many ? many : List.of(asText(field.column(), raw));
		LinkedHashSet<String> chosen = new LinkedHashSet<>();
		for (Object code : codes) {
			if (code != null && !code.toString().isEmpty()) {
				chosen.add(choice(field, code.toString()));
			}
		}
		return chosen.isEmpty() ? null : List.copyOf(chosen);
	}

	private static String link(String column, String raw) {
		String text = TextRules.line(column, raw, 2000);
		try {
			URI uri = new URI(text == null ? "" : text.strip());
			if (uri.getScheme() == null
					|| !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				throw new RuleViolation(column, "custom-field.link");
			}
			return uri.toString();
		}
		catch (java.net.URISyntaxException ex) {
			throw new RuleViolation(column, "custom-field.link");
		}
	}

	private List<CustomField.Option> options(Definition definition, List<CustomField.Option> existing) {
		if (!definition.type().hasOptions()) {
			return List.of();
		}
		List<CustomField.Option> options = new ArrayList<>();
		int next = existing.stream()
			.map(option -> option.code().substring(1))
			.mapToInt(Integer::parseInt)
			.max()
			.orElse(0) + 1;
		for (String line : definition.optionLabels()) {
			String label = TextRules.line("options", line, 200);
			if (label == null || label.isBlank() || options.stream().anyMatch(option -> option.label().equals(label))) {
				continue;
			}
			Optional<CustomField.Option> kept = existing.stream()
				.filter(option -> option.label().equals(label))
				.findFirst();
			options.add(kept.orElse(new CustomField.Option("o" + next++, label)));
		}
		if (options.isEmpty()) {
			throw new RuleViolation("options", "custom-field.options-required");
		}
		return options;
	}

	private CustomField field(ResultSet rs, int row) throws SQLException {
		return new CustomField(rs.getLong("id"), rs.getString("entity"), rs.getString("label"),
				CustomFieldType.valueOf(rs.getString("type")), rs.getBoolean("required"),
				json.readValue(rs.getString("options"), OPTIONS), rs.getInt("position"), rs.getBoolean("shown_in_list"),
				rs.getBoolean("active"), rs.getLong("version"));
	}

}
