package io.clientele.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record's history, newest first. The caller checks that the reader may see the
 * record: the history of a record is as visible as the record itself.
 */
@Service
public class RecordHistory {

	private static final String COLUMNS = "id, record_id, action, at, actor_id, acted_for, changes::text";

	private static final TypeReference<List<RecordChanged.FieldChange>> CHANGES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final UserDirectory users;

	RecordHistory(JdbcClient jdbc, JsonMapper json, UserDirectory users) {
		this.jdbc = jdbc;
		this.json = json;
		this.users = users;
	}

	/**
	 * @param before only entries older than this entry id (keyset paging), or null for
	 * the newest
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> of(String recordType, long recordId, @Nullable Long before, int limit) {
		return of(recordType, List.of(recordId), before, limit);
	}

	/**
	 * The history of several records of a kind as one, newest first: a record and those
	 * merged into it.
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> of(String recordType, java.util.Collection<Long> recordIds, @Nullable Long before,
			int limit) {
		// One record: an equality, so that the index returns its entries already in
		// order.
		List<Row> rows = jdbc.sql("""
				select %s from record_history
				 where record_type = :type and %s and (cast(:before as bigint) is null or id < :before)
				 order by id desc limit :limit
				""".formatted(COLUMNS, recordIds.size() == 1 ? "record_id = :id" : "record_id = any(:ids)"))
			.param("type", recordType)
			.param("id", recordIds.iterator().next())
			.param("ids", recordIds.toArray(Long[]::new))
			.param("before", before)
			.param("limit", limit)
			.query(RecordHistory::row)
			.list();
		return entries(rows);
	}

	/**
	 * The history of records of a kind as one, newest first by time, older than
	 * {@code (beforeAt, beforeId)}: a keyset page for timelines, which merge it with
	 * other things that happened by time. One range of
	 * {@code record_history_timeline_idx} per record.
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> before(String recordType, java.util.Collection<Long> recordIds,
			java.time.@Nullable Instant beforeAt, long beforeId, int limit) {
		List<Row> rows = jdbc
			.sql("""
					select %s from record_history
					 where record_type = :type and %s %s
					 order by at desc, id desc limit :limit
					""".formatted(COLUMNS, recordIds.size() == 1 ? "record_id = :id" : "record_id = any(:ids)",
					beforeAt == null ? "" : "and (at, id) < (:at, :before)"))
			.param("type", recordType)
			.param("id", recordIds.iterator().next())
			.param("ids", recordIds.toArray(Long[]::new))
			.param("at", beforeAt == null ? null : beforeAt.atOffset(java.time.ZoneOffset.UTC))
			.param("before", beforeId)
			.param("limit", limit)
			.query(RecordHistory::row)
			.list();
		return entries(rows);
	}

	private record Row(long id, long recordId, RecordChanged.Action action, OffsetDateTime at, @Nullable Long actorId,
			@Nullable Long actedFor, String changes) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("record_id"), RecordChanged.Action.valueOf(rs.getString("action")),
				rs.getObject("at", OffsetDateTime.class), nullableLong(rs, "actor_id"), nullableLong(rs, "acted_for"),
				rs.getString("changes"));
	}

	/** The rows as entries, with the names of the people they mention read at once. */
	private List<HistoryEntry> entries(List<Row> rows) {
		Map<Long, String> names = users.names(rows.stream()
			.flatMap(row -> Stream.of(row.actorId(), row.actedFor()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		List<HistoryEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			entries.add(new HistoryEntry(row.id(), row.recordId(), row.action(), row.at().toInstant(), row.actorId(),
					row.actorId() == null ? null : names.get(row.actorId()), row.actedFor(),
					row.actedFor() == null ? null : names.get(row.actedFor()), json.readValue(row.changes(), CHANGES)));
		}
		return entries;
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
