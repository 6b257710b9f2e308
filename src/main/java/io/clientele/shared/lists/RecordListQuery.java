package io.clientele.shared.lists;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record list (clients, leads) as SQL: the user's visibility, the filters and the quick
 * text in the {@code WHERE} clause, a keyset condition for the page, {@code ORDER BY} the
 * sort (after the grouping) and the id, and one row more than the page to know whether
 * another follows.
 *
 * <p>
 * Plans on the M data set (1M clients): the first page by name walks
 * {@code clients_name_idx} and stops after 51 rows; a later page starts inside that index
 * at the cursor. A manager's list walks {@code clients_responsible_name_idx}. Filters by
 * segment and extra fields use the GIN indexes; the quick text the trigram index on
 * names.
 */
@Component
public class RecordListQuery {

	/**
	 * How long one statement of an export may run. A slice walks an index from its cursor
	 * and takes milliseconds; a sort without an index (by an extra field) scans the
	 * matching rows once per slice, which on the M data set takes about a second.
	 */
	public static final String EXPORT_STATEMENT_TIMEOUT = "30s";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final String phoneRegion;

	RecordListQuery(JdbcClient jdbc, JsonMapper json, ClienteleProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.phoneRegion = properties.phoneRegion();
	}

	/**
	 * A page of the records of the source that the reader may see.
	 * @param visibility the reader's condition on the table aliased {@code c}
	 * @param bind binds the parameters of that condition
	 */
	@Transactional(readOnly = true)
	public RecordListPage page(ListSource source, RecordQuery query, String visibility,
			UnaryOperator<JdbcClient.StatementSpec> bind) {
		return page(source, query, visibility, List.of(), bind);
	}

	/**
	 * A page of the records of the source that the reader may see, where the visibility
	 * is an {@code OR} of conditions that indexes answer apart (a deal's responsible
	 * manager, its co-executors): each branch reads at most a page in the list's order,
	 * and the page is the first rows of their union. An {@code OR} would have the planner
	 * fetch and sort every visible row, or walk the whole base's order index.
	 * @param branches conditions on {@code c} that together equal {@code visibility};
	 * they may overlap (a record in two is listed once); fewer than two: the plain query
	 */
	@Transactional(readOnly = true)
	public RecordListPage page(ListSource source, RecordQuery query, String visibility, List<String> branches,
			UnaryOperator<JdbcClient.StatementSpec> bind) {
		boolean backwards = query.before() != null && !query.before().isBlank();
		String cursor = backwards ? query.before() : query.after();
		Selection selection = select(source, query, visibility, branches, bind, query.size());
		List<RawRow> raw = selection.rows();
		boolean more = raw.size() > query.size();
		List<RawRow> rows = new ArrayList<>(raw.subList(0, Math.min(raw.size(), query.size())));
		if (backwards) {
			Collections.reverse(rows);
		}
		String next = null;
		String previous = null;
		if (!rows.isEmpty()) {
			boolean hasNext = backwards || more;
			boolean hasPrevious = backwards ? more : cursor != null && !cursor.isBlank();
			next = hasNext ? KeysetCursor.encode(rows.get(rows.size() - 1).keys()) : null;
			previous = hasPrevious ? KeysetCursor.encode(rows.get(0).keys()) : null;
		}
		RecordListPage.Total total = total(selection, branches, bind);
		return new RecordListPage(selection.columns(), rows.stream().map(RawRow::row).toList(), next, previous, total,
				selection.group());
	}

	/**
	 * Up to {@code size} records after the cursor, in the list's order and with its
	 * columns, for an export that walks the whole list: no count, no way back, any size,
	 * and each statement stopped after {@link #EXPORT_STATEMENT_TIMEOUT}.
	 * @param after the {@link Slice#next()} of the previous slice, or null for the first
	 */
	@Transactional(readOnly = true)
	public Slice slice(ListSource source, RecordQuery query, String visibility,
			UnaryOperator<JdbcClient.StatementSpec> bind, @Nullable String after, int size) {
		return slice(source, query, visibility, List.of(), bind, after, size);
	}

	/**
	 * {@link #slice(ListSource, RecordQuery, String, UnaryOperator, String, int)} with
	 * the visibility's branches, as
	 * {@link #page(ListSource, RecordQuery, String, List, UnaryOperator)} reads them.
	 */
	@Transactional(readOnly = true)
	public Slice slice(ListSource source, RecordQuery query, String visibility, List<String> branches,
			UnaryOperator<JdbcClient.StatementSpec> bind, @Nullable String after, int size) {
		limitStatementTime(jdbc);
		RecordQuery from = new RecordQuery(query.text(), query.filters(), query.columns(), query.sort(),
				query.descending(), query.group(), after, null, query.size());
		Selection selection = select(source, from, visibility, branches, bind, size);
		List<RawRow> rows = selection.rows().subList(0, Math.min(selection.rows().size(), size));
		String next = selection.rows().size() > size ? KeysetCursor.encode(rows.get(rows.size() - 1).keys()) : null;
		return new Slice(selection.columns(), rows.stream().map(RawRow::row).toList(), next);
	}

	/**
	 * The rows of one slice of an export and where the next one starts.
	 *
	 * @param next the cursor after the last row, or null when no more rows follow
	 */
	public record Slice(List<ListColumn> columns, List<RecordListPage.Row> rows, @Nullable String next) {
	}

	/**
	 * Plans the statements of the current transaction for the values they are given, not
	 * once for any values. A generic plan of a statement bounded by a parameter
	 * ({@code limit :bound}) with an {@code or} of two indexed conditions reads a whole
	 * table: on M, a manager's board totals by a sequential scan of 2 million deals, 860
	 * ms, against 14 ms planned for the manager. The server switches a prepared statement
	 * to a generic plan after five executions, so without this a page becomes slow on its
	 * sixth view.
	 */
	public static void planForTheValues(JdbcClient jdbc) {
		jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
	}

	/**
	 * Plans the next statements of the current transaction once for any values: for a
	 * statement whose only good plan does not depend on them (one index that holds both
	 * the text and the reader), where planning for the values costs more than running it.
	 */
	public static void planOnceForAnyValues(JdbcClient jdbc) {
		jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
	}

	/** Stops the statements of the current transaction after the export timeout. */
	public static void limitStatementTime(JdbcClient jdbc) {
		jdbc.sql("select set_config('statement_timeout', :timeout, true)")
			.param("timeout", EXPORT_STATEMENT_TIMEOUT)
			.query(String.class)
			.single();
	}

	/** The rows of a list after (before) the query's cursor, one more than the size. */
	private Selection select(ListSource source, RecordQuery query, String visibility, List<String> branches,
			UnaryOperator<JdbcClient.StatementSpec> bind, int size) {
		Map<String, ListColumn> all = source.columns();
		List<ListColumn> columns = columns(query, all);
		ListColumn sort = all.get(query.sort());
		if (sort == null || !sort.sortable()) {
			throw new RuleViolation("sort", "list.sort-invalid");
		}
		ListColumn group = query.group() == null || query.group().isBlank() ? null : all.get(query.group());
		if (group != null && !group.groupable()) {
			throw new RuleViolation("group", "list.group-invalid");
		}

		Sql sql = new Sql();
		sql.where.add(source.live());
		sql.where.add(visibility);
		new ListFilters(source, phoneRegion).apply(query, sql);
		boolean backwards = query.before() != null && !query.before().isBlank();
		List<String> keys = new ArrayList<>();
		List<SortType> types = new ArrayList<>();
		List<Boolean> descending = new ArrayList<>();
		if (group != null) {
			keys.add(group.sort());
			types.add(group.sortType());
			descending.add(false);
		}
		keys.add(sort.sort());
		types.add(sort.sortType());
		descending.add(query.descending());
		String cursor = backwards ? query.before() : query.after();
		List<String> conditions = List.copyOf(sql.where);
		if (cursor != null && !cursor.isBlank()) {
			List<Object> values = KeysetCursor.decode(cursor, types);
			sql.where.add(keyset(keys, descending, backwards, values, sql));
		}
		boolean joinNames = "responsible".equals(sort.key()) || (group != null && "responsible".equals(group.key()));
		String from = " from " + source.table() + " c"
				+ (joinNames ? " left join published_user_names un on un.id = c.responsible_id" : "");
		StringBuilder select = new StringBuilder("select c.id, " + source.kindColumn() + " as kind_, "
				+ source.nameExpression() + " as name, c.responsible_id");
		for (ListColumn column : columns) {
			select.append(", ").append(column.select()).append(" as \"").append(column.key()).append('"');
		}
		for (int i = 0; i < keys.size(); i++) {
			select.append(", ").append(keys.get(i)).append(" as k").append(i);
		}
		if (group != null) {
			select.append(", ").append(group.select()).append(" as \"group\"");
		}
		StringBuilder order = new StringBuilder(" order by ");
		StringBuilder outerOrder = new StringBuilder(" order by ");
		for (int i = 0; i < keys.size(); i++) {
			boolean desc = descending.get(i) ^ backwards;
			order.append(keys.get(i)).append(desc ? " desc, " : " asc, ");
			outerOrder.append('k').append(i).append(desc ? " desc, " : " asc, ");
		}
		order.append("c.id").append(query.descending() ^ backwards ? " desc" : " asc");
		outerOrder.append("id").append(query.descending() ^ backwards ? " desc" : " asc");
		String text = select + from + " where " + String.join(" and ", sql.where) + order + " limit " + (size + 1);
		if (branches.size() > 1) {
			text = union(select + from, sql.where, branches, order.toString(), outerOrder.toString(), size + 1);
		}

		List<RawRow> rows = bind.apply(sql.bind(jdbc.sql(text)))
			.query((rs, n) -> row(rs, source, columns, keys.size(), group))
			.list();
		return new Selection(columns, group, rows, from, conditions, sql);
	}

	/**
	 * The page as a union of the visibility's branches, each ordered and limited (an
	 * index range each), a record found by two kept once, then ordered again by the keys'
	 * output names: {@code where}'s second condition is the visibility, which each branch
	 * replaces with its own.
	 */
	private static String union(String selectFrom, List<String> where, List<String> branches, String order,
			String outerOrder, int limit) {
		List<String> parts = new ArrayList<>();
		for (String branch : branches) {
			List<String> conditions = new ArrayList<>(where);
			conditions.set(1, branch);
			parts
				.add("(" + selectFrom + " where " + String.join(" and ", conditions) + order + " limit " + limit + ")");
		}
		return "select * from (select distinct on (id) * from (" + String.join(" union all ", parts)
				+ ") u order by id) c" + outerOrder + " limit " + limit;
	}

	/**
	 * @param from and {@code conditions}: the list's rows without the page, for the
	 * count; the second condition is the visibility
	 */
	private record Selection(List<ListColumn> columns, @Nullable ListColumn group, List<RawRow> rows, String from,
			List<String> conditions, Sql sql) {

		String where() {
			return String.join(" and ", conditions);
		}

		String where(String visibility) {
			List<String> replaced = new ArrayList<>(conditions);
			replaced.set(1, visibility);
			return String.join(" and ", replaced);
		}

	}

	/**
	 * Aggregates over every record of the list (not one page) that the reader may see, as
	 * long as they are at most {@code bound}: the inner query stops after one row more,
	 * so that a list of millions costs no more than {@code bound} rows. Null beyond the
	 * bound.
	 * @param columns what the inner query selects from {@code c} for the aggregates
	 * @param aggregates the outer select over those, which must start with
	 * {@code count(*)}
	 * @param groupBy the outer grouping, or null
	 */
	@Transactional(readOnly = true)
	public <T> @Nullable List<T> summarise(ListSource source, RecordQuery query, String visibility,
			UnaryOperator<JdbcClient.StatementSpec> bind, String columns, String aggregates, @Nullable String groupBy,
			int bound, org.springframework.jdbc.core.RowMapper<T> mapper) {
		Sql sql = new Sql();
		sql.where.add(source.live());
		sql.where.add(visibility);
		new ListFilters(source, phoneRegion).apply(query, sql);
		String text = "select " + aggregates + " from (select " + columns + " from " + source.table() + " c where "
				+ String.join(" and ", sql.where) + " limit " + (bound + 1) + ") c"
				+ (groupBy == null ? "" : " group by " + groupBy);
		List<Long> counts = new ArrayList<>();
		List<T> rows = bind.apply(sql.bind(jdbc.sql(text))).query((rs, n) -> {
			counts.add(rs.getLong(1));
			return mapper.mapRow(rs, n);
		}).list();
		return counts.stream().mapToLong(Long::longValue).sum() > bound ? null : rows;
	}

	/**
	 * The matching rows up to a bound, exactly; beyond it the planner's estimate. With
	 * branches, the distinct ids of each branch's first rows beyond the bound: a branch
	 * that has more makes the union more too, and each is an index range where an
	 * {@code or} of them had the planner scan the table until it found enough (a
	 * manager's interactions on M: 185,000 rows read for 1,001).
	 */
	private RecordListPage.Total total(Selection selection, List<String> branches,
			UnaryOperator<JdbcClient.StatementSpec> bind) {
		int bound = RecordListPage.Total.EXACT_UP_TO;
		String from = selection.from();
		String where = selection.where();
		String text = "select count(*) from (select 1" + from + " where " + where + " limit " + (bound + 1) + ") t";
		if (branches.size() > 1) {
			List<String> parts = new ArrayList<>();
			for (String branch : branches) {
				parts.add("(select c.id" + from + " where " + selection.where(branch) + " limit " + (bound + 1) + ")");
			}
			text = "select count(*) from (" + String.join(" union ", parts) + ") t";
		}
		Sql sql = selection.sql();
		long counted = bind.apply(sql.bind(jdbc.sql(text))).query(Long.class).single();
		if (counted <= bound) {
			return new RecordListPage.Total(counted, true);
		}
		String plan = bind.apply(sql.bind(jdbc.sql("explain (format json) select 1" + from + " where " + where)))
			.query(String.class)
			.single();
		long estimate = json.readTree(plan).get(0).get("Plan").get("Plan Rows").asLong();
		return new RecordListPage.Total(Math.max(estimate, bound + 1), false);
	}

	private static List<ListColumn> columns(RecordQuery query, Map<String, ListColumn> all) {
		List<ListColumn> columns = new ArrayList<>();
		for (String key : query.columns()) {
			ListColumn column = all.get(key);
			if (column != null && !columns.contains(column)) {
				columns.add(column);
			}
		}
		if (columns.stream().noneMatch(column -> column.key().equals("name"))) {
			columns.add(0, all.get("name"));
		}
		return columns;
	}

	/**
	 * The rows after (before) the cursor. With every key in one direction this is a row
	 * comparison, which walks the index from the cursor; with mixed directions it is
	 * spelled out key by key.
	 */
	private static String keyset(List<String> keys, List<Boolean> descending, boolean backwards, List<Object> values,
			Sql sql) {
		List<String> all = new ArrayList<>(keys);
		all.add("c.id");
		List<Boolean> directions = new ArrayList<>(descending);
		directions.add(descending.get(descending.size() - 1));
		List<String> params = new ArrayList<>();
		for (Object value : values) {
			params.add(sql.param(value));
		}
		boolean uniform = directions.stream().distinct().count() == 1;
		if (uniform) {
			String op = directions.get(0) ^ backwards ? "<" : ">";
			return "(" + String.join(", ", all) + ") " + op + " (" + String.join(", ", params) + ")";
		}
		List<String> alternatives = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			List<String> terms = new ArrayList<>();
			for (int j = 0; j < i; j++) {
				terms.add(all.get(j) + " = " + params.get(j));
			}
			String op = directions.get(i) ^ backwards ? "<" : ">";
			terms.add(all.get(i) + " " + op + " " + params.get(i));
			alternatives.add("(" + String.join(" and ", terms) + ")");
		}
		return "(" + String.join(" or ", alternatives) + ")";
	}

	private RawRow row(ResultSet rs, ListSource source, List<ListColumn> columns, int keyCount,
			@Nullable ListColumn group) throws SQLException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (ListColumn column : columns) {
			values.put(column.key(), value(rs, source, column, column.key()));
		}
		List<Object> keys = new ArrayList<>();
		for (int i = 0; i < keyCount; i++) {
			Object key = rs.getObject("k" + i);
			keys.add(key instanceof java.sql.Timestamp timestamp ? timestamp.toInstant().atOffset(ZoneOffset.UTC)
					: key instanceof java.sql.Date date ? date.toLocalDate() : key);
		}
		keys.add(rs.getLong("id"));
		Object groupValue = group == null ? null : value(rs, source, group, "group");
		return new RawRow(new RecordListPage.Row(rs.getLong("id"), rs.getString("kind_"), rs.getString("name"),
				rs.getObject("responsible_id", Long.class), values, groupValue), keys);
	}

	private @Nullable Object value(ResultSet rs, ListSource source, ListColumn column, String key) throws SQLException {
		String listed = source.jsonLists().get(column.key());
		if (listed != null) {
			List<String> items = readList(rs.getString(key), listed);
			return column.key().equals("phone") ? items.stream().map(PhoneNumbers::display).toList() : items;
		}
		if (source.choices().containsKey(column.key())) {
			String stored = rs.getString(key);
			return stored == null ? null : source.choice(column.key(), stored).orElse(null);
		}
		if (column.field() != null) {
			return custom(rs.getString(key));
		}
		return switch (column.key()) {
			case "phone" -> rs.getString(key) == null ? null : PhoneNumbers.display(rs.getString(key));
			case "segments" -> longs(rs.getArray(key));
			default -> switch (column.sortType()) {
				case DATE -> rs.getObject(key, LocalDate.class);
				case TIMESTAMP -> rs.getObject(key, OffsetDateTime.class);
				case NUMBER -> rs.getBigDecimal(key);
				case TEXT -> plain(rs.getObject(key));
			};
		};
	}

	/**
	 * Ids (a responsible user, a stage) as longs, arrays of ids as lists, text as text.
	 */
	private static @Nullable Object plain(@Nullable Object value) throws SQLException {
		if (value instanceof Number number && !(value instanceof BigDecimal)) {
			return number.longValue();
		}
		if (value instanceof Array array) {
			Object[] items = (Object[]) array.getArray();
			return items.length > 0 && items[0] instanceof String
					? List.of(items).stream().map(String::valueOf).toList() : longs(array);
		}
		return value == null ? null : value.toString();
	}

	private @Nullable Object custom(@Nullable String jsonValue) {
		return jsonValue == null ? null : json.readValue(jsonValue, Object.class);
	}

	private List<String> readList(@Nullable String jsonArray, String property) {
		if (jsonArray == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		json.readTree(jsonArray).forEach(item -> values.add(item.get(property).asString()));
		return values;
	}

	private static List<Long> longs(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add(((Number) id).longValue());
		}
		return ids;
	}

	private record RawRow(RecordListPage.Row row, List<Object> keys) {
	}

	/** The conditions and named parameters of one query. */
	static final class Sql {

		final List<String> where = new ArrayList<>();

		private final Map<String, Object> params = new LinkedHashMap<>();

		String param(Object value) {
			String name = "p" + params.size();
			params.put(name, value);
			return ":" + name;
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = statement;
			for (Map.Entry<String, Object> param : params.entrySet()) {
				bound = bound.param(param.getKey(), param.getValue());
			}
			return bound;
		}

	}

	static OffsetDateTime startOfDay(LocalDate date) {
		return date.atTime(LocalTime.MIDNIGHT).atOffset(ZoneOffset.UTC);
	}

	/** A {@code LIKE} pattern for text anywhere in a lower-cased value. */
	public static String like(String text) {
		return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	static BigDecimal decimal(String field, String text) {
		try {
			return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
		}
		catch (NumberFormatException ex) {
			throw new RuleViolation(field, "filter.number-invalid");
		}
	}

}
