package io.clientele.shared.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.clientele.shared.Labelled;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a page of a record list into the reader's words: choices translated, dates in
 * their format, ids (people, segments, stages) by name through the {@link ListNames} of
 * their column, looked up once for the whole page.
 */
@Component
public class ListView {

	private final MessageSource messages;

	private final Map<String, ListNames> names;

	private final CustomFields customFields;

	ListView(MessageSource messages, List<ListNames> names, CustomFields customFields) {
		this.messages = messages;
		this.names = names.stream().collect(Collectors.toMap(ListNames::column, Function.identity()));
		this.customFields = customFields;
	}

	/**
	 * A row as the list shows it: the first column (the record's name, a link with an
	 * icon) apart from the others, each cell with its classes, so that the template
	 * writes each cell without deciding anything (50 rows of 7 cells: deciding per cell
	 * was most of a list page's rendering).
	 *
	 * @param icon all the classes of the icon before the name (by the record's kind)
	 * @param first the first column's text
	 * @param firstClasses the first column's cell classes
	 * @param rest the other columns' cells
	 * @param groupLabel set on the first row of each group, when grouped
	 */
	public record Row(long id, String name, String kind, String icon, String first, String firstClasses,
			List<Cell> rest, @Nullable String groupLabel) {
	}

	/** A cell: its text and its classes (empty for none). */
	public record Cell(String classes, String text) {
	}

	/**
	 * Puts into the model what the filter panel's fields choose from (people, options),
	 * but only when a filter is set: the list template then shows the panel open with its
	 * fields; with none set it shows the panel closed and asks the list's
	 * {@code /filters} for them when it is first opened (see {@link #filterFields}).
	 */
	public void filterChoices(org.springframework.ui.Model model, ListParams state,
			java.util.function.Consumer<org.springframework.ui.Model> choices) {
		if (!state.filters().isEmpty()) {
			choices.accept(model);
		}
	}

	/**
	 * The filter panel's fields alone, for a list with no filter set: the template
	 * fragment to render, with its model.
	 */
	public String filterFields(org.springframework.ui.Model model, ListParams state, Collection<ListColumn> catalog,
			java.util.function.Consumer<org.springframework.ui.Model> choices) {
		model.addAttribute("state", state);
		model.addAttribute("catalog", catalog);
		choices.accept(model);
		return "lists/list :: filter-fields";
	}

	/**
	 * Puts a page of the list and its rows into the model, or the reason it cannot be
	 * shown (a wrong filter), which the list template says. What the template would
	 * otherwise work out per cell is worked out here once (see {@link Row}): the classes
	 * of each column's cells (the third column on hides at phone width, numbers, dates
	 * and phones do not wrap) and each row's icon.
	 * @param icons the icon's classes for a record's kind
	 */
	public void show(org.springframework.ui.Model model, java.util.function.Supplier<RecordListPage> query,
			Locale locale, Function<String, String> icons) {
		try {
			RecordListPage page = query.get();
			model.addAttribute("page", page);
			model.addAttribute("rows", rows(page, locale, icons));
		}
		catch (io.clientele.shared.RuleViolation violation) {
			model.addAttribute("listError", violation);
		}
	}

	private static List<String> cellClasses(List<ListColumn> columns) {
		List<String> classes = new ArrayList<>(columns.size());
		for (int i = 0; i < columns.size(); i++) {
			ListColumn column = columns.get(i);
			boolean nowrap = column.key().equals("phone") || column.sortType() != ListColumn.SortType.TEXT;
			classes.add(((i > 1 ? "d-none d-md-table-cell " : "") + (nowrap ? "text-nowrap" : "")).strip());
		}
		return classes;
	}

	private List<Row> rows(RecordListPage page, Locale locale, Function<String, String> icons) {
		Map<String, Map<Long, String>> names = names(page.columns(), page.group(), page.rows());
		List<ListColumn> columns = page.columns();
		List<String> classes = cellClasses(columns);
		List<Row> rows = new ArrayList<>();
		Object previousGroup = new Object();
		for (RecordListPage.Row row : page.rows()) {
			List<Cell> rest = new ArrayList<>(columns.size() - 1);
			for (int i = 1; i < columns.size(); i++) {
				ListColumn column = columns.get(i);
				rest.add(new Cell(classes.get(i), cell(column, row.values().get(column.key()), names, locale)));
			}
			String groupLabel = null;
			if (page.group() != null && !Objects.equals(previousGroup, row.groupValue())) {
				groupLabel = groupLabel(page.group(), row, names, locale);
				previousGroup = row.groupValue();
			}
			String first = cell(columns.get(0), row.values().get(columns.get(0).key()), names, locale);
			rows.add(new Row(row.id(), row.name(), row.kind(), "ti me-1 text-secondary " + icons.apply(row.kind()),
					first, classes.get(0), rest, groupLabel));
		}
		return rows;
	}

	/** The columns' titles as the list's header shows them. */
	public List<String> titles(List<ListColumn> columns, Locale locale) {
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
	public List<List<@Nullable Object>> exportRows(List<ListColumn> columns, List<RecordListPage.Row> rows,
			Locale locale) {
		Map<String, Map<Long, String>> names = names(columns, null, rows);
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

	private @Nullable Object exportCell(ListColumn column, @Nullable Object value, Map<String, Map<Long, String>> names,
			Locale locale) {
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
		if (value instanceof Collection<?> many && !this.names.containsKey(column.key())) {
			return String.join(", ", many.stream().map(String::valueOf).toList());
		}
		return cell(column, value, names, locale);
	}

	/**
	 * An extra field's value for an export: numbers and dates as such, the rest as shown.
	 */
	public Object exportValue(CustomField field, Object value, Locale locale) {
		return switch (field.type()) {
			case NUMBER -> new BigDecimal(value.toString());
			case DATE -> LocalDate.parse(value.toString());
			default -> customFields.display(field, value, locale);
		};
	}

	/**
	 * The names of the ids that the named columns of the rows hold, looked up once per
	 * column, by its {@link ListNames}.
	 */
	private Map<String, Map<Long, String>> names(List<ListColumn> columns, @Nullable ListColumn group,
			List<RecordListPage.Row> rows) {
		Map<String, Map<Long, String>> found = new HashMap<>();
		List<ListColumn> named = new ArrayList<>(columns);
		if (group != null) {
			named.add(group);
		}
		for (ListColumn column : named) {
			ListNames source = this.names.get(column.key());
			if (source == null || found.containsKey(column.key())) {
				continue;
			}
			Set<Long> ids = new HashSet<>();
			for (RecordListPage.Row row : rows) {
				Object value = column == group ? row.groupValue() : row.values().get(column.key());
				if (value instanceof Number id) {
					ids.add(id.longValue());
				}
				else if (value instanceof Collection<?> many) {
					many.forEach(id -> ids.add(((Number) id).longValue()));
				}
			}
			found.put(column.key(), ids.isEmpty() ? Map.of() : source.names(ids));
		}
		return found;
	}

	public String cell(ListColumn column, @Nullable Object value, Map<String, Map<Long, String>> names, Locale locale) {
		if (value == null) {
			return "";
		}
		if (column.field() != null) {
			return customFields.display(column.field(), value, locale);
		}
		Map<Long, String> named = names.get(column.key());
		if (named != null && value instanceof Number id) {
			return named.getOrDefault(id.longValue(), "");
		}
		if (value instanceof Labelled labelled) {
			return messages.getMessage(labelled.messageKey(), null, locale);
		}
		if (value instanceof BigDecimal number) {
			java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(number.scale() > 0 ? 2 : 0);
			format.setMaximumFractionDigits(2);
			return format.format(number);
		}
		if (value instanceof LocalDate date) {
			return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
		}
		if (value instanceof OffsetDateTime time) {
			return time.atZoneSameInstant(ZoneId.systemDefault())
				.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale));
		}
		if (value instanceof Collection<?> many) {
			if (named != null) {
				return String.join(", ",
						many.stream()
							.map(id -> named.get(((Number) id).longValue()))
							.filter(Objects::nonNull)
							.toList());
			}
			return many.isEmpty() ? "" : many.iterator().next() + (many.size() > 1 ? " +" + (many.size() - 1) : "");
		}
		return value.toString();
	}

	private String groupLabel(ListColumn group, RecordListPage.Row row, Map<String, Map<Long, String>> names,
			Locale locale) {
		Object value = row.groupValue();
		String label = value == null ? "" : cell(group, value, names, locale);
		return label.isBlank() ? messages.getMessage("list.group.empty", null, locale) : label;
	}

}
