package io.clientele.clients.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step of a scan that compares names through the trigram index on {@code name_key}:
 * each record changed since the last scan looks up its few most similar names, in batches
 * that resume after a restart. It finds what grouping by keys cannot (a misspelt name);
 * it costs about 5–150 ms a record on the M data set, depending on how common its words
 * are, so the first scan starts from then on (the keys step covers the base) unless an
 * administrator asks for all names.
 */
@Component
public class NameComparison {

	/** How many of the most similar names each record is paired with. */
	static final int NEIGHBOURS = 5;

	static final int BATCH = 500;

	/**
	 * Records changed this long before the last scan are compared again, in case the
	 * application's and the database's clocks differ a little.
	 */
	private static final String OVERLAP = "5 minutes";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	NameComparison(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Progress of a step: records done, and out of how many. */
	public interface Progress {

		/**
		 * @return false when the scan must stop (its lease was lost or it was stopped)
		 */
		boolean report(String phase, long done, long total);

	}

	/**
	 * Compares the names of the records changed since the last comparison with the most
	 * similar names in the base.
	 * @return whether it ran to the end
	 */
	public boolean compareNames(ScanKind kind, Progress progress) {
		refreshCommonNames(kind);
		Cursor cursor = transactions.execute(status -> startOrResume(kind));
		long total = jdbc.sql("""
				select count(*) from %s
				 where deleted_at is null and (updated_at, id) > (:at, :id) and updated_at <= :until
				""".formatted(kind.table()))
			.param("at", cursor.at())
			.param("id", cursor.id())
			.param("until", cursor.until())
			.query(Long.class)
			.single();
		long done = 0;
		while (progress.report(kind.type() + ".names", done, total)) {
			List<Long> batch = new ArrayList<>(BATCH);
			Cursor next = nextBatch(kind, cursor, batch);
			if (batch.isEmpty()) {
				jdbc.sql("""
						update duplicate_scan_marks
						   set names_until = until_at, cursor_at = null, cursor_id = null, until_at = null
						 where record_type = ?
						""").param(kind.type()).update();
				return true;
			}
			transactions.executeWithoutResult(status -> {
				compareBatch(kind, batch);
				jdbc.sql("update duplicate_scan_marks set cursor_at = ?, cursor_id = ? where record_type = ?")
					.params(next.at(), next.id(), kind.type())
					.update();
			});
			cursor = next;
			done += batch.size();
		}
		return false;
	}

	/**
	 * Reads the ids of the next changed records into the batch (by the index on
	 * updated_at, id) and tells where the batch ends.
	 */
	private Cursor nextBatch(ScanKind kind, Cursor from, List<Long> batch) {
		OffsetDateTime[] last = { from.at() };
		jdbc.sql("""
				select id, updated_at from %s
				 where deleted_at is null and (updated_at, id) > (:at, :id) and updated_at <= :until
				 order by updated_at, id limit :batch
				""".formatted(kind.table()))
			.param("at", from.at())
			.param("id", from.id())
			.param("until", from.until())
			.param("batch", BATCH)
			.query(rs -> {
				batch.add(rs.getLong(1));
				last[0] = rs.getObject(2, OffsetDateTime.class);
			});
		return batch.isEmpty() ? from : new Cursor(last[0], batch.get(batch.size() - 1), from.until());
	}

	/**
	 * Has the next scan compare the names of all records through the trigram index, not
	 * only those changed since the last scan: slow on a large base (each record looks up
	 * its similar names), but it finds typos in names the keys cannot match.
	 */
	public void compareAllNames() {
		jdbc.sql("""
				update duplicate_scan_marks
				   set names_until = timestamptz '1900-01-01', cursor_at = null, cursor_id = null, until_at = null
				""").update();
	}

	private void refreshCommonNames(ScanKind kind) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from duplicate_common_names where record_type = ?").param(kind.type()).update();
			jdbc.sql("""
					insert into duplicate_common_names (record_type, name_key)
					select :type, name_key from %s where deleted_at is null and name_key is not null
					 group by name_key having count(*) > :max
					""".formatted(kind.table())).param("type", kind.type()).param("max", ScanKind.MAX_GROUP).update();
		});
	}

	/**
	 * Each record of the batch is paired with its most similar names; pairs of these
	 * records whose names no longer match lose the name reason, and pairs left with no
	 * reason go (unless dismissed: those are kept for good).
	 */
	private void compareBatch(ScanKind kind, List<Long> batch) {
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(ScanKind.NAME_THRESHOLD))
			.query(String.class)
			.single();
		Long[] ids = batch.toArray(Long[]::new);
		jdbc.sql("""
				with probe as (
				  select p.id, p.name_key from %1$s p
				   where p.id = any(:batch) and p.deleted_at is null and p.name_key is not null
				     and not exists (select 1 from duplicate_common_names k
				                      where k.record_type = :type and k.name_key = p.name_key)
				), found as (
				  select least(p.id, n.id) as a_id, greatest(p.id, n.id) as b_id, max(n.similarity) as similarity
				    from probe p
				   cross join lateral (
				     select c.id, similarity(c.name_key, p.name_key) as similarity from %1$s c
				      where c.name_key %% p.name_key and c.deleted_at is null and c.id <> p.id
				        and not exists (select 1 from duplicate_common_names k
				                         where k.record_type = :type and k.name_key = c.name_key)
				      order by similarity desc, c.id limit :neighbours) n
				   group by 1, 2
				), cleared as (
				  update duplicate_candidates d set name_similarity = null
				   where d.record_type = :type and d.name_similarity is not null
				     and (d.a_id = any(:batch) or d.b_id = any(:batch))
				     and not exists (select 1 from found f where f.a_id = d.a_id and f.b_id = d.b_id)
				  returning 1
				)
				insert into duplicate_candidates (record_type, a_id, b_id, name_similarity)
				select :type, a_id, b_id, similarity from found
				    on conflict (record_type, a_id, b_id) do update set name_similarity = excluded.name_similarity
				 where duplicate_candidates.name_similarity is distinct from excluded.name_similarity
				""".formatted(kind.table()))
			.param("type", kind.type())
			.param("batch", ids)
			.param("neighbours", NEIGHBOURS)
			.update();
		jdbc.sql("""
				delete from duplicate_candidates
				 where record_type = :type and (a_id = any(:batch) or b_id = any(:batch))
				   and key_reasons = '{}' and name_similarity is null and dismissed_at is null
				""").param("type", kind.type()).param("batch", ids).update();
	}

	private Cursor startOrResume(ScanKind kind) {
		record Mark(@Nullable OffsetDateTime namesUntil, @Nullable OffsetDateTime cursorAt, @Nullable Long cursorId,
				@Nullable OffsetDateTime untilAt) {
		}
		Mark mark = jdbc.sql("""
				select names_until, cursor_at, cursor_id, until_at from duplicate_scan_marks
				 where record_type = ? for update
				""")
			.param(kind.type())
			.query((rs, n) -> new Mark(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, Long.class), rs.getObject(4, OffsetDateTime.class)))
			.single();
		if (mark.cursorAt() != null && mark.cursorId() != null && mark.untilAt() != null) {
			return new Cursor(mark.cursorAt(), mark.cursorId(), mark.untilAt());
		}
		// Never compared: from now (the keys step covered the base by words). Up to the
		// start of the oldest transaction still running: a record it writes may carry an
		// earlier time than records committed before it.
		Cursor fresh = jdbc.sql("""
				select coalesce(cast(:since as timestamptz) - cast(:overlap as interval), now()),
				       least(now(), (select min(xact_start) from pg_stat_activity
				                      where datname = current_database() and pid <> pg_backend_pid()))
				""")
			.param("since", mark.namesUntil())
			.param("overlap", OVERLAP)
			.query((rs, n) -> new Cursor(rs.getObject(1, OffsetDateTime.class), 0,
					rs.getObject(2, OffsetDateTime.class)))
			.single();
		jdbc.sql("update duplicate_scan_marks set cursor_at = ?, cursor_id = 0, until_at = ? where record_type = ?")
			.params(fresh.at(), fresh.until(), kind.type())
			.update();
		return fresh;
	}

	/**
	 * Where a pass over changed records is: after (at, id), up to records changed until.
	 */
	private record Cursor(OffsetDateTime at, long id, OffsetDateTime until) {
	}

}
