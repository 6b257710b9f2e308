package io.clientele.clients.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.clientele.clients.RecordListPage;
import io.clientele.clients.Segment;
import io.clientele.clients.Segments;
import io.clientele.clients.internal.ListColumn;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.Labelled;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a page of a record list into the reader's words: choices translated, dates in
 * their format, people and segments by name (looked up once for the whole page).
 */
@Component
class ListView {

	private final MessageSource messages;

	private final UserDirectory users;

	private final Segments segments;

	private final CustomFields customFields;

	ListView(MessageSource messages, UserDirectory users, Segments segments, CustomFields customFields) {
		this.messages = messages;
		this.users = users;
		this.segments = segments;
		this.customFields = customFields;
	}

	/**
	 * @param groupLabel set on the first row of each group, when grouped
	 */
	record Row(long id, String name, String kind, List<String> cells, @Nullable String groupLabel) {
	}

	/**
	 * Puts a page of the list and its rows into the model, or the reason it cannot be
	 * shown (a wrong filter), which the list template says.
	 */
	void show(org.springframework.ui.Model model, java.util.function.Supplier<RecordListPage> query, Locale locale) {
		try {
			RecordListPage page = query.get();
			model.addAttribute("page", page);
			model.addAttribute("rows", rows(page, locale));
		}
		catch (io.clientele.shared.RuleViolation violation) {
			model.addAttribute("listError", violation);
		}
	}

	List<Row> rows(RecordListPage page, Locale locale) {
		Names names = names(page.rows());
		List<Row> rows = new ArrayList<>();
		Object previousGroup = new Object();
		for (RecordListPage.Row row : page.rows()) {
			List<String> cells = new ArrayList<>();
			for (ListColumn column : page.columns()) {
				cells.add(cell(column, row.values().get(column.key()), names.people(), names.segments(), locale));
			}
			String groupLabel = null;
			if (page.group() != null && !Objects.equals(previousGroup, row.groupValue())) {
				groupLabel = groupLabel(page.group(), row, names.people(), locale);
				previousGroup = row.groupValue();
			}
			rows.add(new Row(row.id(), row.name(), row.kind(), cells, groupLabel));
		}
		return rows;
	}

	/** The columns' titles as the list's header shows them. */
	List<String> titles(List<ListColumn> columns, Locale locale) {
		return columns.stream()
			.map(column -> column.literalLabel() ? column.labelKey()
					: messages.getMessage(column.labelKey(), null, locale))
			.toList();
	}

	/**
	 * Rows as an export writes them: the texts of the screen, except that lists are
	 * written whole (joined with ", "), and dates, times and numbers stay values, which a
	 * spreadsheet shows in its reader's format and can sort.
	 */
	List<List<@Nullable Object>> exportRows(List<ListColumn> columns, List<RecordListPage.Row> rows, Locale locale) {
		Names names = names(rows);
		List<List<@Nullable Object>> cells = new ArrayList<>(rows.size());
		for (RecordListPage.Row row : rows) {
			List<@Nullable Object> values = new ArrayList<>(columns.size());
			for (ListColumn column : columns) {
				values.add(exportCell(column, row.values().get(column.key()), names, locale));
			}
			cells.add(values);
		}
		return cells;
	}

	private @Nullable Object exportCell(ListColumn column, @Nullable Object value, Names names, Locale locale) {
		if (value == null) {
			return null;
		}
		if (column.field() != null) {
			return exportValue(column.field(), value, locale);
		}
		if (value instanceof OffsetDateTime time) {
			return time.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
		}
		if (value instanceof LocalDate) {
			return value;
		}
		if (value instanceof Collection<?> many && !column.key().equals("segments")) {
			return String.join(", ", many.stream().map(String::valueOf).toList());
		}
		return cell(column, value, names.people(), names.segments(), locale);
	}

	/**
	 * An extra field's value for an export: numbers and dates as such, the rest as shown.
	 */
	Object exportValue(CustomField field, Object value, Locale locale) {
		return switch (field.type()) {
			case NUMBER -> new BigDecimal(value.toString());
			case DATE -> LocalDate.parse(value.toString());
			default -> customFields.display(field, value, locale);
		};
	}

	/** The names of the people and segments that rows refer to, looked up at once. */
	private Names names(List<RecordListPage.Row> rows) {
		Set<Long> people = new HashSet<>();
		Set<Long> segmentIds = new HashSet<>();
		for (RecordListPage.Row row : rows) {
			if (row.responsibleId() != null) {
				people.add(row.responsibleId());
			}
			if (row.values().get("segments") instanceof Collection<?> held) {
				held.forEach(id -> segmentIds.add(((Number) id).longValue()));
			}
		}
		return new Names(users.names(people), segments.byId(segmentIds));
	}

	private record Names(Map<Long, String> people, Map<Long, Segment> segments) {
	}

	String cell(ListColumn column, @Nullable Object value, Map<Long, String> names, Map<Long, Segment> segmentsById,
			Locale locale) {
		if (value == null) {
			return "";
		}
		if (column.field() != null) {
			return customFields.display(column.field(), value, locale);
		}
		if (value instanceof Labelled labelled) {
			return messages.getMessage(labelled.messageKey(), null, locale);
		}
		if (value instanceof LocalDate date) {
			return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
		}
		if (value instanceof OffsetDateTime time) {
			return time.atZoneSameInstant(ZoneId.systemDefault())
				.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale));
		}
		if (value instanceof Long id && column.key().equals("responsible")) {
			return names.getOrDefault(id, "");
		}
		if (value instanceof Collection<?> many) {
			if (column.key().equals("segments")) {
				return String.join(", ",
						many.stream()
							.map(id -> segmentsById.get(((Number) id).longValue()))
							.filter(Objects::nonNull)
							.map(Segment::label)
							.toList());
			}
			return many.isEmpty() ? "" : many.iterator().next() + (many.size() > 1 ? " +" + (many.size() - 1) : "");
		}
		return value.toString();
	}

	private String groupLabel(ListColumn group, RecordListPage.Row row, Map<Long, String> names, Locale locale) {
		Object value = row.groupValue();
		String label = value == null ? "" : cell(group, value, names, Map.of(), locale);
		return label.isBlank() ? messages.getMessage("list.group.empty", null, locale) : label;
	}

}
