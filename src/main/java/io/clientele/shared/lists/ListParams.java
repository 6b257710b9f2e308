package io.clientele.shared.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.clientele.shared.lists.RecordQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The state of a record list in its URL (and so in a saved view): {@code q},
 * {@code cols}, {@code sort}, {@code dir}, {@code group}, {@code size}, filters as
 * {@code f.<column>} and the page as {@code after} or {@code before}.
 */
public record ListParams(String path, @Nullable String text, Map<String, List<String>> filters, List<String> columns,
		String sort, boolean descending, @Nullable String group, @Nullable String after, @Nullable String before,
		int size) {

	public static final int DEFAULT_SIZE = 50;

	/**
	 * A list with no filter set, as the filter panel's fields are first shown (its
	 * columns and order are not the list's, which the panel does not show).
	 * @param path where the list lives ({@code /clients}), for its links
	 */
	public static ListParams unfiltered(String path) {
		return new ListParams(path, null, Map.of(), List.of(), "name", false, null, null, null, DEFAULT_SIZE);
	}

	/**
	 * @param path where the list lives ({@code /clients}), for its links
	 */
	public static ListParams from(String path, MultiValueMap<String, String> params, List<String> defaultColumns) {
		return from(path, params, defaultColumns, "name", false);
	}

	/**
	 * @param defaultSort the sort when the URL names none
	 * @param defaultDescending its direction
	 */
	public static ListParams from(String path, MultiValueMap<String, String> params, List<String> defaultColumns,
			String defaultSort, boolean defaultDescending) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith("f.")) {
				filters.put(name.substring(2), values.stream().filter(v -> v != null && !v.isBlank()).toList());
			}
		});
		filters.values().removeIf(List::isEmpty);
		String cols = params.getFirst("cols");
		List<String> columns = cols == null || cols.isBlank() ? defaultColumns
				: Arrays.stream(cols.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
		int size = DEFAULT_SIZE;
		try {
			size = Integer.parseInt(params.getFirst("size") == null ? "" + DEFAULT_SIZE : params.getFirst("size"));
		}
		catch (NumberFormatException ex) {
			// the default, as for a missing size
		}
		String sort = params.getFirst("sort");
		return new ListParams(path, params.getFirst("q"), filters, columns,
				sort == null || sort.isBlank() ? defaultSort : sort,
				sort == null || sort.isBlank() ? defaultDescending : "desc".equals(params.getFirst("dir")),
				blankToNull(params.getFirst("group")), blankToNull(params.getFirst("after")),
				blankToNull(params.getFirst("before")), Math.max(1, Math.min(size, RecordQuery.MAX_SIZE)));
	}

	public RecordQuery query() {
		return new RecordQuery(text, filters, columns, sort, descending, group, after, before, size);
	}

	/**
	 * The query string of this state without the page position: what a saved view keeps.
	 */
	public String viewQuery() {
		return link(null, null, sort, descending).substring(path.length()).replaceFirst("^\\?", "");
	}

	/** The list at another page. */
	public String page(@Nullable String afterCursor, @Nullable String beforeCursor) {
		return link(afterCursor, beforeCursor, sort, descending);
	}

	/**
	 * The export of the list as it is now (every page) in a format.
	 * @param format {@code csv} or {@code xlsx}
	 * @param delimiter {@code semicolon} for CSV as Excel in Russian reads it, or null
	 * @param view the saved view shown, which names the file, or null
	 */
	public String export(String format, @Nullable String delimiter, @Nullable Long view) {
		return path + "/export?" + viewQuery() + "&format=" + format
				+ (delimiter != null ? "&delimiter=" + delimiter : "") + (view != null ? "&view=" + view : "");
	}

	/** The list sorted by a column (again by the same column turns the direction). */
	public String sortedBy(String column) {
		boolean desc = column.equals(sort) && !descending;
		return link(null, null, column, desc);
	}

	public boolean filtered() {
		return !filters.isEmpty() || (text != null && !text.isBlank());
	}

	public String filter(String name) {
		List<String> values = filters.get(name);
		return values == null || values.isEmpty() ? "" : values.get(0);
	}

	public List<String> filterValues(String name) {
		return filters.getOrDefault(name, List.of());
	}

	public String columnList() {
		return String.join(",", columns);
	}

	private String link(@Nullable String afterCursor, @Nullable String beforeCursor, String sortColumn, boolean desc) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (text != null && !text.isBlank()) {
			uri.queryParam("q", encode(text));
		}
		uri.queryParam("cols", encode(columnList()));
		uri.queryParam("sort", sortColumn);
		if (desc) {
			uri.queryParam("dir", "desc");
		}
		if (group != null) {
			uri.queryParam("group", group);
		}
		if (size != DEFAULT_SIZE) {
			uri.queryParam("size", size);
		}
		filters.forEach((name, values) -> values.forEach(value -> uri.queryParam("f." + name, encode(value))));
		if (afterCursor != null) {
			uri.queryParam("after", afterCursor);
		}
		if (beforeCursor != null) {
			uri.queryParam("before", beforeCursor);
		}
		return uri.build(true).toUriString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static List<String> split(String list) {
		return new ArrayList<>(Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toList()));
	}

}
