package io.clientele.clients.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.DuplicatePolicy;
import io.clientele.clients.ImportIssue;
import io.clientele.clients.ImportKind;
import io.clientele.clients.ImportState;
import io.clientele.clients.ImportStatus;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code imports} table and the rows its imports reported.
 */
@Component
public class ImportStore {

	/** How long a finished import may be reverted. */
	public static final Duration REVERTIBLE = Duration.ofDays(30);

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	ImportStore(JdbcClient jdbc, JsonMapper json, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
	}

	public long create(ImportKind kind, String fileName, long size, String format, @Nullable String encoding,
			@Nullable Character delimiter, List<String> header, Map<Integer, String> mapping, long authorId,
			Instant now) {
		return jdbc.sql("""
				insert into imports (kind, file_name, file_size, format, encoding, delimiter, header, mapping, state,
				                     created_by, created_at)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), 'DRAFT', ?, ?)
				returning id
				""")
			.params(kind.name(), fileName, size, format, encoding, delimiter == null ? null : delimiter.toString(),
					json.writeValueAsString(header), mappingJson(mapping), authorId, Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	public ImportStatus get(long id, Instant now) {
		return jdbc.sql("select * from imports where id = ?")
			.param(id)
			.query((rs, n) -> status(rs, now))
			.optional()
			.orElseThrow(() -> new RecordNotFound("import", id));
	}

	/** The newest imports first, of one author or (null) of everyone. */
	public List<ImportStatus> recent(@Nullable Long authorId, int limit, Instant now) {
		return jdbc.sql("""
				select * from imports where (cast(:author as bigint) is null or created_by = :author)
				 order by id desc limit :limit
				""").param("author", authorId).param("limit", limit).query((rs, n) -> status(rs, now)).list();
	}

	public void configure(long id, long version, Map<Integer, String> mapping, DuplicatePolicy duplicates,
			@Nullable Long defaultClientId) {
		int changed = jdbc.sql("""
				update imports set mapping = cast(? as jsonb), duplicates = ?, default_client_id = ?,
				       version = version + 1
				 where id = ? and version = ? and state = 'DRAFT'
				""").params(mappingJson(mapping), duplicates.name(), defaultClientId, id, version).update();
		if (changed == 0) {
			throw new ConcurrentEdit("Import", id, version, get(id, Instant.now()).version());
		}
	}

	/**
	 * Moves the import from one state to another; false when it was not in that state.
	 */
	public boolean move(long id, ImportState from, ImportState to, Instant now) {
		return jdbc.sql("""
				update imports set state = :to, version = version + 1,
				       queued_at = case when :to = 'QUEUED' then :now else queued_at end,
				       started_at = case when :to = 'RUNNING' then :now else started_at end,
				       finished_at = case when :to in ('DONE', 'FAILED', 'CANCELLED') then :now else finished_at end,
				       cancel_requested = case when :to = 'QUEUED' then false else cancel_requested end
				 where id = :id and state = :from
				""")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Writes how far the import got, outside its transaction, and says whether the user
	 * asked it to stop.
	 */
	public boolean progress(long id, double progress, long rowsRead, Counts counts) {
		return jdbc.sql("""
				update imports set progress = ?, rows_read = ?, created_count = ?, updated_count = ?,
				       skipped_count = ?, refused_count = ?
				 where id = ? returning cancel_requested
				""")
			.params(progress, rowsRead, counts.created, counts.updated, counts.skipped, counts.refused, id)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks the import done, in its own transaction: the data and "done" commit together.
	 */
	public void done(long id, long rowsRead, Counts counts, Instant now) {
		jdbc.sql("""
				update imports set state = 'DONE', progress = 1, rows_read = ?, created_count = ?, updated_count = ?,
				       skipped_count = ?, refused_count = ?, finished_at = ?, version = version + 1
				 where id = ?
				""")
			.params(rowsRead, counts.created, counts.updated, counts.skipped, counts.refused, Timestamp.from(now), id)
			.update();
	}

	public void failed(long id, ImportState state, @Nullable String error, Instant now) {
		failed(id, state, error, List.of(), now);
	}

	public void failed(long id, ImportState state, @Nullable String error, List<String> errorArgs, Instant now) {
		jdbc.sql(
				"""
						update imports set state = ?, error = ?, error_args = cast(? as jsonb), finished_at = ?, version = version + 1,
						       created_count = 0, updated_count = 0, skipped_count = 0, refused_count = 0
						 where id = ?
						""")
			.params(state.name(), error, json.writeValueAsString(errorArgs), Timestamp.from(now), id)
			.update();
	}

	public void reverted(long id, long actorId, Instant now) {
		jdbc.sql("""
				update imports set state = 'REVERTED', reverted_at = ?, reverted_by = ?, version = version + 1
				 where id = ?
				""").params(Timestamp.from(now), actorId, id).update();
	}

	public boolean requestCancel(long id) {
		return jdbc.sql("""
				update imports set cancel_requested = true where id = ? and state in ('QUEUED', 'RUNNING')
				""").param(id).update() == 1;
	}

	public void issues(long importId, List<ImportIssue> issues) {
		if (issues.isEmpty()) {
			return;
		}
		jdbcTemplate.batchUpdate("""
				insert into import_issues (import_id, row_number, outcome, field, reason, reason_args, record_type,
				                           record_id, cells)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, cast(? as jsonb))
				on conflict do nothing
				""", issues, 500, (statement, issue) -> {
			statement.setLong(1, importId);
			statement.setLong(2, issue.rowNumber());
			statement.setString(3, issue.outcome().name());
			statement.setString(4, issue.field());
			statement.setString(5, issue.reason());
			statement.setString(6, json.writeValueAsString(issue.reasonArgs()));
			statement.setString(7, issue.recordType());
			statement.setObject(8, issue.recordId(), java.sql.Types.BIGINT);
			statement.setString(9, json.writeValueAsString(issue.cells()));
		});
	}

	public void revertFailed(long id, String error) {
		jdbc.sql(
				"update imports set state = 'DONE', error = ?, version = version + 1 where id = ? and state = 'REVERTING'")
			.params(error, id)
			.update();
	}

	/** A page of the reported rows, by row number after {@code afterRow}. */
	public List<ImportIssue> issues(long importId, long afterRow, int limit) {
		return jdbc.sql("""
				select * from import_issues where import_id = ? and row_number > ?
				 order by row_number, outcome limit ?
				""")
			.params(importId, afterRow, limit)
			.query((rs, n) -> new ImportIssue(rs.getLong("row_number"),
					ImportIssue.Outcome.valueOf(rs.getString("outcome")), rs.getString("field"), rs.getString("reason"),
					json.readValue(rs.getString("reason_args"), STRINGS), rs.getString("record_type"),
					nullableLong(rs, "record_id"), json.readValue(rs.getString("cells"), STRINGS)))
			.list();
	}

	/** The field the user last gave each of these column titles. */
	public Map<String, String> remembered(long userId, ImportKind kind, List<String> titles) {
		Map<String, String> fields = new LinkedHashMap<>();
		jdbc.sql("select title, field from import_column_choices where user_id = ? and kind = ? and title = any(?)")
			.params(userId, kind.name(), titles.stream().map(ImportStore::titleKey).toArray(String[]::new))
			.query(rs -> {
				fields.put(rs.getString(1), rs.getString(2));
			});
		return fields;
	}

	public void remember(long userId, ImportKind kind, List<String> header, Map<Integer, String> mapping, Instant now) {
		for (var entry : mapping.entrySet()) {
			if (entry.getKey() < header.size() && !header.get(entry.getKey()).isBlank()) {
				jdbc.sql(
						"""
								insert into import_column_choices (user_id, kind, title, field, used_at) values (?, ?, ?, ?, ?)
								on conflict (user_id, kind, title) do update set field = excluded.field, used_at = excluded.used_at
								""")
					.params(userId, kind.name(), titleKey(header.get(entry.getKey())), entry.getValue(),
							Timestamp.from(now))
					.update();
			}
		}
	}

	public static String titleKey(String title) {
		return title.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** Imports in a working state, for the check that their workers are still alive. */
	public List<Long> working() {
		return jdbc.sql("select id from imports where state in ('QUEUED', 'RUNNING', 'REVERTING') order by id")
			.query(Long.class)
			.list();
	}

	private String mappingJson(Map<Integer, String> mapping) {
		Map<String, String> byText = new LinkedHashMap<>();
		mapping.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> byText.put(String.valueOf(entry.getKey()), entry.getValue()));
		return json.writeValueAsString(byText);
	}

	private ImportStatus status(ResultSet rs, Instant now) throws SQLException {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		json.readValue(rs.getString("mapping"), MAPPING)
			.forEach((column, field) -> mapping.put(Integer.valueOf(column), field));
		ImportState state = ImportState.valueOf(rs.getString("state"));
		Instant finished = instant(rs, "finished_at");
		boolean revertible = state == ImportState.DONE && finished != null && finished.plus(REVERTIBLE).isAfter(now);
		return new ImportStatus(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
				rs.getLong("file_size"), rs.getString("format"), rs.getString("encoding"), rs.getString("delimiter"),
				json.readValue(rs.getString("header"), STRINGS), mapping,
				DuplicatePolicy.valueOf(rs.getString("duplicates")), nullableLong(rs, "default_client_id"), state,
				rs.getDouble("progress"), rs.getLong("rows_read"), rs.getLong("created_count"),
				rs.getLong("updated_count"), rs.getLong("skipped_count"), rs.getLong("refused_count"),
				rs.getString("error"), json.readValue(rs.getString("error_args"), STRINGS),
				rs.getBoolean("cancel_requested"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(),
				instant(rs, "started_at"), finished, instant(rs, "reverted_at"), revertible, rs.getLong("version"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** What an import did so far. */
	public static final class Counts {

		public long created;

		public long updated;

		public long skipped;

		public long refused;

	}

}
