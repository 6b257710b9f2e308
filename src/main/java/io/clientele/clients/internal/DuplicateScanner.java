package io.clientele.clients.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of a scan for duplicates over the whole base, for one kind of record (clients
 * or contact persons). Nothing here compares every record with every other:
 * <ul>
 * <li>names: each record changed since the last scan looks up its few most similar names
 * through the trigram index on {@code name_key} (the first scan compares them all, in
 * batches it can resume after a restart);</li>
 * <li>keys: records sharing an INN, a phone or an e-mail are found by grouping on the
 * key, one pass over the table;</li>
 * <li>groups: the pairs not dismissed are joined into the groups the page lists.</li>
 * </ul>
 * A value shared by more records than a group may hold (a holding's switchboard, a
 * placeholder address, a very common name) is not a sign of duplicates and is left out.
 */
@Component
public class DuplicateScanner {

	/** The most records in a group, and the most sharing a key for it to count. */
	public static final int MAX_GROUP = 20;

	/** How similar two names must be for the scan (trigram similarity of name keys). */
	public static final double NAME_THRESHOLD = 0.6;

	/** How many of the most similar names each record is paired with. */
	static final int NEIGHBOURS = 5;

	static final int BATCH = 500;

	/**
	 * Records changed this long before the last scan are compared again, in case the
	 * application's and the database's clocks differ a little.
	 */
	private static final String OVERLAP = "5 minutes";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate transactions;

	DuplicateScanner(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(template.getDataSource());
		this.streaming.setFetchSize(10_000);
		this.transactions = transactions;
	}

	/** The tables of a kind of record. */
	public enum Kind {

		CLIENT("client", "clients"), CONTACT("contact", "contacts");

		private final String type;

		private final String table;

		Kind(String type, String table) {
			this.type = type;
			this.table = table;
		}

		public String type() {
			return type;
		}

	}

	/** Progress of a step: records or pairs done, and out of how many. */
	public interface Progress {

		/**
		 * @return false when the scan must stop (its lease was lost or it was stopped)
		 */
		boolean report(String phase, long done, long total);

	}

	/**
	 * Compares the names of the records changed since the last comparison (all of them
	 * the first time) with the most similar names in the base.
	 * @return whether it ran to the end
	 */
	public boolean compareNames(Kind kind, Progress progress) {
		refreshCommonNames(kind);
		Cursor cursor = transactions.execute(status -> startOrResume(kind));
		long total = jdbc
			.sql("""
					select count(*) from %s where deleted_at is null and (updated_at, id) > (:at, :id) and updated_at <= :until
					"""
				.formatted(kind.table))
			.param("at", cursor.at())
			.param("id", cursor.id())
			.param("until", cursor.until())
			.query(Long.class)
			.single();
		long done = 0;
		while (progress.report(kind.type + ".names", done, total)) {
			Cursor from = cursor;
			List<Long> batch = new ArrayList<>(BATCH);
			OffsetDateTime[] last = { null };
			jdbc.sql("""
					select id, updated_at from %s
					 where deleted_at is null and (updated_at, id) > (:at, :id) and updated_at <= :until
					 order by updated_at, id limit :batch
					""".formatted(kind.table))
				.param("at", from.at())
				.param("id", from.id())
				.param("until", from.until())
				.param("batch", BATCH)
				.query(rs -> {
					batch.add(rs.getLong(1));
					last[0] = rs.getObject(2, OffsetDateTime.class);
				});
			if (batch.isEmpty()) {
				jdbc.sql("""
						update duplicate_scan_marks set names_until = until_at, cursor_at = null, cursor_id = null,
						       until_at = null
						 where record_type = ?
						""").param(kind.type).update();
				return true;
			}
			cursor = new Cursor(last[0], batch.get(batch.size() - 1), from.until());
			Cursor next = cursor;
			transactions.executeWithoutResult(status -> {
				compareBatch(kind, batch);
				jdbc.sql("update duplicate_scan_marks set cursor_at = ?, cursor_id = ? where record_type = ?")
					.params(next.at(), next.id(), kind.type)
					.update();
			});
			done += batch.size();
		}
		return false;
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

	/**
	 * Finds the records that share an INN, a phone, an e-mail, a name key, or an uncommon
	 * word of similar names, and brings the key reasons of all pairs up to date.
	 */
	public void compareKeys(Kind kind) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					create temp table duplicate_keyed (a_id bigint, b_id bigint, reason text, similarity real)
					    on commit drop
					""").update();
			if (kind == Kind.CLIENT) {
				keyed("inn",
						"select c.id, c.inn as key from clients c where c.deleted_at is null and c.inn is not null");
			}
			keyed("phone", """
					select c.id, d.key from %s c cross join unnest(c.phone_digits) d(key) where c.deleted_at is null
					""".formatted(kind.table));
			keyed("email", """
					select c.id, e.key from %s c cross join unnest(c.email_lower) e(key) where c.deleted_at is null
					""".formatted(kind.table));
			keyed("name", """
					select c.id, c.name_key as key from %s c where c.deleted_at is null and c.name_key is not null
					""".formatted(kind.table));
			sharedWords(kind);
			jdbc.sql("""
					create temp table duplicate_keys on commit drop as
					select a_id, b_id, array_agg(distinct reason order by reason) as reasons,
					       max(similarity) filter (where reason = 'name') as similarity
					  from duplicate_keyed group by a_id, b_id
					""").update();
			// Without statistics the planner takes the temporary table for small and
			// joins it
			// in a nested loop: minutes instead of seconds on a million pairs.
			jdbc.sql("create unique index on duplicate_keys (a_id, b_id)").update();
			jdbc.sql("analyze duplicate_keys").update();
			jdbc.sql("""
					insert into duplicate_candidates (record_type, a_id, b_id, key_reasons, key_name_similarity)
					select :type, a_id, b_id, reasons, similarity from duplicate_keys
					    on conflict (record_type, a_id, b_id) do update
					   set key_reasons = excluded.key_reasons, key_name_similarity = excluded.key_name_similarity
					 where duplicate_candidates.key_reasons <> excluded.key_reasons
					    or duplicate_candidates.key_name_similarity is distinct from excluded.key_name_similarity
					""").param("type", kind.type).update();
			jdbc.sql("""
					update duplicate_candidates d set key_reasons = '{}', key_name_similarity = null
					 where d.record_type = :type and d.key_reasons <> '{}'
					   and not exists (select 1 from duplicate_keys k where k.a_id = d.a_id and k.b_id = d.b_id)
					""").param("type", kind.type).update();
			jdbc.sql(
					"""
							delete from duplicate_candidates
							 where record_type = :type and key_reasons = '{}' and name_similarity is null and dismissed_at is null
							""")
				.param("type", kind.type)
				.update();
		});
	}

	/**
	 * Pairs whose names share a word few records have ("Romashka" in "Ромашка" and
	 * "Romashka Trade") and are similar enough: the names of the whole base compared
	 * without the trigram index, one pass grouping by word.
	 */
	private void sharedWords(Kind kind) {
		jdbc.sql("""
				insert into duplicate_keyed (a_id, b_id, reason, similarity)
				select p.a_id, p.b_id, 'name', similarity(a.name_key, b.name_key)
				  from (select distinct x.id as a_id, y.id as b_id
				          from (select array_agg(distinct c.id) as ids
				                  from %1$s c cross join unnest(string_to_array(c.name_key, ' ')) w(word)
				                 where c.deleted_at is null and length(w.word) >= 3
				                 group by w.word having count(distinct c.id) between 2 and :max) g
				         cross join unnest(g.ids) x(id)
				         cross join unnest(g.ids) y(id)
				         where x.id < y.id) p
				  join %1$s a on a.id = p.a_id
				  join %1$s b on b.id = p.b_id
				 where a.name_key <> b.name_key and similarity(a.name_key, b.name_key) >= :threshold
				""".formatted(kind.table)).param("max", MAX_GROUP).param("threshold", NAME_THRESHOLD).update();
	}

	/**
	 * Joins the live pairs not dismissed into groups, strongest first, and replaces the
	 * groups the page lists.
	 * @return how many groups there are
	 */
	public int group(Kind kind, LongConsumer pairsRead) {
		return transactions.execute(status -> {
			DuplicateClusters clusters = new DuplicateClusters(MAX_GROUP);
			long[] read = { 0 };
			// Streamed with a fetch size: a large base may have millions of pairs.
			streaming.query("""
					select d.a_id, d.b_id, d.score, d.reasons from duplicate_candidates d
					  join %1$s a on a.id = d.a_id and a.deleted_at is null
					  join %1$s b on b.id = d.b_id and b.deleted_at is null
					 where d.record_type = ? and d.dismissed_at is null
					 order by d.score desc, d.a_id, d.b_id
					""".formatted(kind.table), rs -> {
				clusters.add(rs.getLong(1), rs.getLong(2), rs.getFloat(3),
						Arrays.asList((String[]) rs.getArray(4).getArray()));
				if (++read[0] % 100_000 == 0) {
					pairsRead.accept(read[0]);
				}
			}, kind.type);
			List<DuplicateClusters.Group> groups = clusters.groups();
			jdbc.sql("delete from duplicate_groups where record_type = ?").param(kind.type).update();
			for (int from = 0; from < groups.size(); from += 10_000) {
				insertGroups(kind, groups.subList(from, Math.min(groups.size(), from + 10_000)));
			}
			return groups.size();
		});
	}

	private void insertGroups(Kind kind, List<DuplicateClusters.Group> groups) {
		int members = groups.stream().mapToInt(group -> group.members().length).sum();
		Long[] ids = new Long[groups.size()];
		Float[] scores = new Float[groups.size()];
		String[] reasons = new String[groups.size()];
		Long[] memberGroup = new Long[members];
		Long[] member = new Long[members];
		int at = 0;
		for (int i = 0; i < groups.size(); i++) {
			var group = groups.get(i);
			ids[i] = group.id();
			scores[i] = group.score();
			reasons[i] = String.join(",", group.reasons());
			for (long id : group.members()) {
				memberGroup[at] = group.id();
				member[at++] = id;
			}
		}
		String owners = kind == Kind.CLIENT ? "select c.responsible_id from clients c where c.id = any(grouped.ids)"
				: """
						select c.responsible_id from client_contacts cc join clients c on c.id = cc.client_id
						 where cc.contact_id = any(grouped.ids) and c.deleted_at is null
						""";
		jdbc.sql("""
				insert into duplicate_groups (record_type, id, member_ids, score, reasons, responsible_ids)
				select :type, grouped.id, grouped.ids, grouped.score, grouped.reasons,
				       array(select distinct o.responsible_id from (%s) o order by 1)
				  from (select g.id, array_agg(m.member order by m.member) as ids, g.score,
				               string_to_array(g.reasons, ',') as reasons
				          from unnest(cast(:ids as bigint[]), cast(:scores as real[]), cast(:reasons as text[]))
				               g(id, score, reasons)
				          join unnest(cast(:memberGroup as bigint[]), cast(:member as bigint[])) m(group_id, member)
				            on m.group_id = g.id
				         group by g.id, g.score, g.reasons) grouped
				""".formatted(owners))
			.param("type", kind.type)
			.param("ids", ids)
			.param("scores", scores)
			.param("reasons", reasons)
			.param("memberGroup", memberGroup)
			.param("member", member)
			.update();
	}

	/** Pairs of the records sharing a value of a key, for keys shared by few enough. */
	private void keyed(String reason, String keys) {
		jdbc.sql("""
				insert into duplicate_keyed (a_id, b_id, reason, similarity)
				select x.id, y.id, :reason, case when :reason = 'name' then 1 end
				  from (select array_agg(distinct k.id) as ids from (%s) k
				         group by k.key having count(distinct k.id) between 2 and :max) g
				 cross join unnest(g.ids) x(id)
				 cross join unnest(g.ids) y(id)
				 where x.id < y.id
				""".formatted(keys)).param("reason", reason).param("max", MAX_GROUP).update();
	}

	private void refreshCommonNames(Kind kind) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from duplicate_common_names where record_type = ?").param(kind.type).update();
			jdbc.sql("""
					insert into duplicate_common_names (record_type, name_key)
					select :type, name_key from %s where deleted_at is null and name_key is not null
					 group by name_key having count(*) > :max
					""".formatted(kind.table)).param("type", kind.type).param("max", MAX_GROUP).update();
		});
	}

	/**
	 * Each record of the batch is paired with its most similar names; pairs of these
	 * records whose names no longer match lose the name reason, and pairs left with no
	 * reason go (unless dismissed: those are kept for good).
	 */
	private void compareBatch(Kind kind, List<Long> batch) {
		jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)")
			.param(String.valueOf(NAME_THRESHOLD))
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
				""".formatted(kind.table))
			.param("type", kind.type)
			.param("batch", ids)
			.param("neighbours", NEIGHBOURS)
			.update();
		jdbc.sql("""
				delete from duplicate_candidates
				 where record_type = :type and (a_id = any(:batch) or b_id = any(:batch))
				   and key_reasons = '{}' and name_similarity is null and dismissed_at is null
				""").param("type", kind.type).param("batch", ids).update();
	}

	private Cursor startOrResume(Kind kind) {
		record Mark(@Nullable OffsetDateTime namesUntil, @Nullable OffsetDateTime cursorAt, @Nullable Long cursorId,
				@Nullable OffsetDateTime untilAt) {
		}
		Mark mark = jdbc.sql("""
				select names_until, cursor_at, cursor_id, until_at from duplicate_scan_marks
				 where record_type = ? for update
				""")
			.param(kind.type)
			.query((rs, n) -> new Mark(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, Long.class), rs.getObject(4, OffsetDateTime.class)))
			.single();
		if (mark.cursorAt() != null && mark.cursorId() != null && mark.untilAt() != null) {
			return new Cursor(mark.cursorAt(), mark.cursorId(), mark.untilAt());
		}
		// Never compared: the keys pass covers the whole base by words, so the trigram
		// comparison starts from now (an administrator may ask for all names:
		// compareAllNames).
		// Up to the start of the oldest transaction still running: a record it writes may
		// carry an earlier time than records committed before it.
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
			.params(fresh.at(), fresh.until(), kind.type)
			.update();
		return fresh;
	}

	/**
	 * Where a pass over changed records is: after (at, id), up to records changed until.
	 */
	private record Cursor(OffsetDateTime at, long id, OffsetDateTime until) {
	}

}
