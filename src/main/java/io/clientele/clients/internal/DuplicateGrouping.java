package io.clientele.clients.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of a scan: the live pairs not dismissed become the groups the duplicates
 * page lists ({@link DuplicateClusters}), replacing the previous ones in one transaction.
 */
@Component
public class DuplicateGrouping {

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate transactions;

	DuplicateGrouping(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(template.getDataSource());
		this.streaming.setFetchSize(10_000);
		this.transactions = transactions;
	}

	/**
	 * Joins the live pairs not dismissed into groups, strongest first, and replaces the
	 * groups the page lists.
	 * @return how many groups there are
	 */
	public int group(ScanKind kind, LongConsumer pairsRead) {
		return transactions.execute(status -> {
			DuplicateClusters clusters = new DuplicateClusters(ScanKind.MAX_GROUP);
			long[] read = { 0 };
			// Streamed with a fetch size: a large base may have millions of pairs.
			streaming.query("""
					select d.a_id, d.b_id, d.score, d.reasons from duplicate_candidates d
					  join %1$s a on a.id = d.a_id and a.deleted_at is null
					  join %1$s b on b.id = d.b_id and b.deleted_at is null
					 where d.record_type = ? and d.dismissed_at is null
					 order by d.score desc, d.a_id, d.b_id
					""".formatted(kind.table()), rs -> {
				clusters.add(rs.getLong(1), rs.getLong(2), rs.getFloat(3),
						Arrays.asList((String[]) rs.getArray(4).getArray()));
				if (++read[0] % 100_000 == 0) {
					pairsRead.accept(read[0]);
				}
			}, kind.type());
			List<DuplicateClusters.Group> groups = clusters.groups();
			jdbc.sql("delete from duplicate_groups where record_type = ?").param(kind.type()).update();
			for (int from = 0; from < groups.size(); from += 10_000) {
				insertGroups(kind, groups.subList(from, Math.min(groups.size(), from + 10_000)));
			}
			return groups.size();
		});
	}

	private void insertGroups(ScanKind kind, List<DuplicateClusters.Group> groups) {
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
		String owners = kind == ScanKind.CLIENT ? "select c.responsible_id from clients c where c.id = any(grouped.ids)"
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
			.param("type", kind.type())
			.param("ids", ids)
			.param("scores", scores)
			.param("reasons", reasons)
			.param("memberGroup", memberGroup)
			.param("member", member)
			.update();
	}

}
