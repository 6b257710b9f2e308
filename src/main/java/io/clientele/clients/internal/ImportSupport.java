package io.clientele.clients.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.customfields.CustomFields;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the importers of every kind share: the database, the stores whose rules they
 * follow, and the bookkeeping that makes an import revertible.
 */
@Component
class ImportSupport {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DataSource dataSource;

	private final EntityManager entities;

	private final CustomFields customFields;

	private final ClientStore clientStore;

	private final ContactStore contactStore;

	private final LeadStore leadStore;

	private final ApplicationEventPublisher events;

	ImportSupport(JdbcClient jdbc, JsonMapper json, DataSource dataSource, EntityManager entities,
			CustomFields customFields, ClientStore clientStore, ContactStore contactStore, LeadStore leadStore,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.dataSource = dataSource;
		this.entities = entities;
		this.customFields = customFields;
		this.clientStore = clientStore;
		this.contactStore = contactStore;
		this.leadStore = leadStore;
		this.events = events;
	}

	JdbcClient jdbc() {
		return jdbc;
	}

	JsonMapper json() {
		return json;
	}

	DataSource dataSource() {
		return dataSource;
	}

	EntityManager entities() {
		return entities;
	}

	CustomFields customFields() {
		return customFields;
	}

	ClientStore clientStore() {
		return clientStore;
	}

	ContactStore contactStore() {
		return contactStore;
	}

	LeadStore leadStore() {
		return leadStore;
	}

	/**
	 * Keeps the rows as they are before the import changes them (the first time it does),
	 * for a revert.
	 */
	void rememberBefore(long importId, String recordType, String table, List<Long> ids) {
		jdbc.sql("insert into import_updates (import_id, record_type, record_id, before) select ?, ?, t.id, to_jsonb(t)"
				+ " from " + table + " t where t.id = any(?) on conflict do nothing")
			.params(importId, recordType, ids.toArray(Long[]::new))
			.update();
	}

	/**
	 * Gives the updated records their remembered values back and records it in their
	 * history.
	 * @param assignments {@code column = b.column, …} of the columns the import may
	 * change
	 */
	void restoreUpdated(long importId, String recordType, String table, String assignments) {
		jdbc.sql("update " + table + " t set " + assignments + ", version = t.version + 1, updated_at = now()"
				+ " from import_updates u cross join lateral jsonb_populate_record(null::" + table + ", u.before) b"
				+ " where u.import_id = ? and u.record_type = ? and t.id = u.record_id")
			.params(importId, recordType)
			.update();
	}

	void publishUpdate(String recordType, long id, List<FieldChange> changes, ImportContext context) {
		if (changes.isEmpty()) {
			return;
		}
		List<FieldChange> all = new ArrayList<>(changes);
		all.add(FieldChange.of("import.history.field", null, "#" + context.importId()));
		events.publishEvent(new RecordChanged(recordType, id, RecordChanged.Action.UPDATED, all, context.author().id(),
				context.now()));
	}

	ApplicationEventPublisher events() {
		return events;
	}

	/** The items of both lists, those of the first first, each key once. */
	/**
	 * The values of the rows' keys of one rule: {@code phone} gives the digits of every
	 * {@code phone:…}.
	 */
	static String[] keyValues(List<? extends RecordImporter.Row> rows, String rule) {
		String prefix = rule + ":";
		return rows.stream()
			.flatMap(row -> row.keys.stream())
			.filter(key -> key.startsWith(prefix))
			.map(key -> key.substring(prefix.length()))
			.distinct()
			.toArray(String[]::new);
	}

	/**
	 * A {@code from} item giving the records of {@code table} (under {@code alias}) whose
	 * array {@code column} holds one of the batch's {@code values} (an SQL array
	 * expression), with {@code k.v} the value it matched: one index probe per value. The
	 * plain {@code column && values} is not used because PostgreSQL estimates it to match
	 * nearly every row once the batch has a few hundred values, scans the table and
	 * compares every row with every value (minutes on a million clients). A value shared
	 * by more than 50 records yields 50 of them.
	 */
	static String probes(String table, String alias, String column, String values, String condition) {
		return "unnest(" + values + ") as k(v) cross join lateral (select * from " + table + " " + alias + " where "
				+ alias + "." + column + " @> array[k.v] and " + condition + " limit 50) " + alias;
	}

	/**
	 * Files the record of the current result row under each of its phone and e-mail keys
	 * ({@code phone_digits}, {@code email_lower} columns), the oldest record winning.
	 * @param visible whether the importing user may see it
	 * @param owner its responsible user, if any
	 */
	static void fileByPhoneAndEmail(ResultSet rs, String name, boolean visible, @Nullable Long owner, long importId,
			Map<String, RecordImporter.Match> found) throws SQLException {
		Long createdBy = nullableLong(rs, "import_id");
		for (String rule : List.of("phone", "email")) {
			String column = rule.equals("phone") ? "phone_digits" : "email_lower";
			for (Object value : (Object[]) rs.getArray(column).getArray()) {
				RecordImporter.Match match = new RecordImporter.Match(rs.getLong("id"), rule, name, visible,
						owner == null ? 0 : owner, createdBy != null && createdBy == importId);
				found.merge(rule + ":" + value, match, (a, b) -> a.id() <= b.id() ? a : b);
			}
		}
	}

	/** Gives each row the record found under its strongest key. */
	static void matchStrongestKey(List<? extends RecordImporter.Row> rows, Map<String, RecordImporter.Match> found) {
		for (RecordImporter.Row row : rows) {
			for (String key : row.keys) {
				if (found.containsKey(key)) {
					row.match = found.get(key);
					break;
				}
			}
		}
	}

	static <T> List<T> union(List<T> first, List<T> second, Function<T, String> key) {
		Map<String, T> all = new LinkedHashMap<>();
		first.forEach(item -> all.putIfAbsent(key.apply(item), item));
		second.forEach(item -> all.putIfAbsent(key.apply(item), item));
		return List.copyOf(all.values());
	}

	static List<Long> longs(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Long> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(((Number) value).longValue());
		}
		return values;
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
