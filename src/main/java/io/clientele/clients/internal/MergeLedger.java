package io.clientele.clients.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The merges: what each one changed and moved, kept so that it can be undone within
 * {@link #UNDOABLE}.
 */
@Component
public class MergeLedger {

	public static final Duration UNDOABLE = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	MergeLedger(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Writes the merged aggregates now, before their links move in SQL; someone who saved
	 * either since they were loaded makes it a concurrent edit.
	 */
	static void flush(EntityManager entities, long survivorId) {
		try {
			entities.flush();
		}
		catch (OptimisticLockException | ObjectOptimisticLockingFailureException ex) {
			throw new ConcurrentEdit("Merge", survivorId, -1, -1);
		}
	}

	/** A merge as kept. */
	record Entry(long id, String type, long survivorId, long mergedId, ObjectNode before, ObjectNode after,
			LinkMoves.Moved moved, Instant mergedAt, @Nullable Instant undoneAt) {
	}

	long record(String type, long survivorId, long mergedId, ObjectNode before, ObjectNode after, LinkMoves.Moved moved,
			long actorId, Instant now) {
		return jdbc.sql("""
				insert into merges (record_type, survivor_id, merged_id, survivor_before, survivor_after, moved,
				                    merged_at, merged_by)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?) returning id
				""")
			.params(type, survivorId, mergedId, json.writeValueAsString(before), json.writeValueAsString(after),
					json.writeValueAsString(moved), now.atOffset(ZoneOffset.UTC), actorId)
			.query(Long.class)
			.single();
	}

	/** The merge, locked until the end of the transaction (two undos do not cross). */
	Optional<Entry> lock(long id) {
		return jdbc
			.sql("""
					select id, record_type, survivor_id, merged_id, survivor_before::text, survivor_after::text, moved::text,
					       merged_at, undone_at
					  from merges where id = ? for update
					""")
			.param(id)
			.query((rs, n) -> {
				OffsetDateTime undone = rs.getObject(9, OffsetDateTime.class);
				return new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						(ObjectNode) json.readTree(rs.getString(5)), (ObjectNode) json.readTree(rs.getString(6)),
						json.readValue(rs.getString(7), LinkMoves.Moved.class),
						rs.getObject(8, OffsetDateTime.class).toInstant(), undone == null ? null : undone.toInstant());
			})
			.optional();
	}

	/**
	 * The merge, locked, when it may still be undone: not undone yet, within
	 * {@link #UNDOABLE}, and the latest merge into its survivor in force (undoing an
	 * earlier one would take back values and links the later one brought).
	 */
	Entry lockUndoable(long id, Instant now) {
		Entry entry = lock(id).orElseThrow(() -> new RecordNotFound("Merge", id));
		if (entry.undoneAt() != null) {
			throw new RuleViolation(null, "merge.undo.already");
		}
		if (entry.mergedAt().plus(UNDOABLE).isBefore(now)) {
			throw new RuleViolation(null, "merge.undo.too-late");
		}
		if (laterMergeInto(entry.type(), entry.survivorId(), entry.id())) {
			throw new RuleViolation(null, "merge.undo.later-merge-first");
		}
		return entry;
	}

	/** The kind of record a merge joined. */
	public String typeOf(long id) {
		return jdbc.sql("select record_type from merges where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new RecordNotFound("Merge", id));
	}

	/** Whether a later merge into the same survivor is still in force. */
	boolean laterMergeInto(String type, long survivorId, long mergeId) {
		return jdbc.sql("""
				select exists (select 1 from merges where record_type = ? and survivor_id = ? and id > ?
				                 and undone_at is null)
				""").params(type, survivorId, mergeId).query(Boolean.class).single();
	}

	void markUndone(long id, long actorId, Instant now) {
		jdbc.sql("update merges set undone_at = ?, undone_by = ? where id = ?")
			.params(now.atOffset(ZoneOffset.UTC), actorId, id)
			.update();
	}

	/**
	 * The records merged into this one and, in turn, into those, whose merges are in
	 * force: their history is part of this record's.
	 */
	public List<Long> absorbedInto(String type, long id) {
		return jdbc.sql("""
				with recursive absorbed(id) as (
				  select merged_id from merges where record_type = :type and survivor_id = :id and undone_at is null
				  union
				  select m.merged_id from merges m join absorbed a on m.survivor_id = a.id
				   where m.record_type = :type and m.undone_at is null
				)
				select id from absorbed
				""").param("type", type).param("id", id).query(Long.class).list();
	}

}
