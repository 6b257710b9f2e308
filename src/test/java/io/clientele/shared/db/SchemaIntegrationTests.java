package io.clientele.shared.db;

import java.util.List;

import io.clientele.support.ClienteleIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the migrations must keep, checked on the migrated schema.
 */
@ClienteleIntegrationTest
class SchemaIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * Deleting a row checks every foreign key that points at its table; unless the
	 * planner can answer that check from an index, it reads the whole referencing table
	 * once per deleted row (purging a thousand clients read the million clients a
	 * thousand times; removing an import's clients read the two million deals for each
	 * client, because the only index on {@code deals.client_id} covered live deals only).
	 * So each check, as PostgreSQL runs it, is planned with sequential scans switched
	 * off: a partial index that the check does not imply leaves a sequential scan in the
	 * plan. Only references to users are exempt: users are never deleted, only
	 * deactivated.
	 */
	@Test
	void every_foreign_key_to_a_deletable_table_is_checked_through_an_index() {
		List<Reference> references = jdbc.sql("""
				select c.conrelid::regclass::text as "table",
				       (select string_agg(quote_ident(a.attname) || ' = $' || k.n, ' and ' order by k.n)
				          from unnest(c.conkey) with ordinality k(attnum, n)
				          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns,
				       c.confrelid::regclass::text as referenced
				  from pg_constraint c
				 where c.contype = 'f' and c.connamespace = 'public'::regnamespace
				   and c.confrelid <> 'users'::regclass
				 order by 1, 2
				""").query(Reference.class).list();
		TransactionTemplate inTransaction = new TransactionTemplate(transactions);

		List<String> scanned = inTransaction.execute(tx -> {
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
			return references.stream().filter(reference -> {
				jdbc.sql("prepare reference_check as select 1 from only " + reference.table() + " x where "
						+ reference.columns() + " for key share of x")
					.update();
				String nulls = String.join(", ", java.util.Collections.nCopies(reference.arity(), "null"));
				String plan = String.join("\n",
						jdbc.sql("explain execute reference_check(" + nulls + ")").query(String.class).list());
				jdbc.sql("deallocate reference_check").update();
				return !plan.contains("Index");
			}).map(Reference::toString).toList();
		});

		assertThat(references).isNotEmpty();
		assertThat(scanned).isEmpty();
	}

	record Reference(String table, String columns, String referenced) {

		int arity() {
			return columns.split(" and ").length;
		}

		@Override
		public String toString() {
			return table + " (" + columns + ") -> " + referenced;
		}

	}

}
