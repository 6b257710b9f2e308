package io.clientele.clients.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step of a scan that compares keys over the whole base, each by one pass grouping on
 * it (seconds for a million records): the same INN, phone, e-mail or name key, or an
 * uncommon word shared by similar names. It brings the key reasons of every pair up to
 * date in one transaction.
 */
@Component
public class KeyComparison {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	KeyComparison(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Finds the records that share an INN, a phone, an e-mail, a name key, or an uncommon
	 * word of similar names, and brings the key reasons of all pairs up to date.
	 */
	public void compareKeys(ScanKind kind) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					create temp table duplicate_keyed (a_id bigint, b_id bigint, reason text, similarity real)
					    on commit drop
					""").update();
			if (kind == ScanKind.CLIENT) {
				keyed("inn",
						"select c.id, c.inn as key from clients c where c.deleted_at is null and c.inn is not null");
			}
			keyed("phone", """
					select c.id, d.key from %s c cross join unnest(c.phone_digits) d(key) where c.deleted_at is null
					""".formatted(kind.table()));
			keyed("email", """
					select c.id, e.key from %s c cross join unnest(c.email_lower) e(key) where c.deleted_at is null
					""".formatted(kind.table()));
			keyed("name", """
					select c.id, c.name_key as key from %s c where c.deleted_at is null and c.name_key is not null
					""".formatted(kind.table()));
			sharedWords(kind);
			jdbc.sql("""
					create temp table duplicate_keys on commit drop as
					select a_id, b_id, array_agg(distinct reason order by reason) as reasons,
					       max(similarity) filter (where reason = 'name') as similarity
					  from duplicate_keyed group by a_id, b_id
					""").update();
			// Without statistics the planner takes the temporary table for small and
			// joins
			// it in a nested loop: minutes instead of seconds on a million pairs.
			jdbc.sql("create unique index on duplicate_keys (a_id, b_id)").update();
			jdbc.sql("analyze duplicate_keys").update();
			jdbc.sql("""
					insert into duplicate_candidates (record_type, a_id, b_id, key_reasons, key_name_similarity)
					select :type, a_id, b_id, reasons, similarity from duplicate_keys
					    on conflict (record_type, a_id, b_id) do update
					   set key_reasons = excluded.key_reasons, key_name_similarity = excluded.key_name_similarity
					 where duplicate_candidates.key_reasons <> excluded.key_reasons
					    or duplicate_candidates.key_name_similarity is distinct from excluded.key_name_similarity
					""").param("type", kind.type()).update();
			jdbc.sql("""
					update duplicate_candidates d set key_reasons = '{}', key_name_similarity = null
					 where d.record_type = :type and d.key_reasons <> '{}'
					   and not exists (select 1 from duplicate_keys k where k.a_id = d.a_id and k.b_id = d.b_id)
					""").param("type", kind.type()).update();
			jdbc.sql(
					"""
							delete from duplicate_candidates
							 where record_type = :type and key_reasons = '{}' and name_similarity is null and dismissed_at is null
							""")
				.param("type", kind.type())
				.update();
		});
	}

	/**
	 * Pairs whose names share a word few records have ("Romashka" in "Ромашка" and
	 * "Romashka Trade") and are similar enough: the names of the whole base compared
	 * without the trigram index, one pass grouping by word.
	 */
	private void sharedWords(ScanKind kind) {
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
				""".formatted(kind.table()))
			.param("max", ScanKind.MAX_GROUP)
			.param("threshold", ScanKind.NAME_THRESHOLD)
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
				""".formatted(keys)).param("reason", reason).param("max", ScanKind.MAX_GROUP).update();
	}

}
