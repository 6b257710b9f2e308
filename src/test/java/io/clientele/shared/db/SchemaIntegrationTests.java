package io.clientele.shared.db;

import java.util.List;

import io.clientele.support.ClienteleIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules the migrations must keep, checked on the migrated schema.
 */
@ClienteleIntegrationTest
class SchemaIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	/**
	 * Deleting a row checks every foreign key that points at its table; without an index
	 * on the referencing column that check reads the whole referencing table, once per
	 * deleted row (purging a thousand clients read the million clients a thousand times).
	 * Only references to users are exempt: users are never deleted, only deactivated.
	 */
	@Test
	void every_foreign_key_to_a_deletable_table_has_an_index_to_check_it() {
		List<String> unindexed = jdbc.sql("""
				select c.conrelid::regclass || '.' || a.attname || ' -> ' || c.confrelid::regclass
				  from pg_constraint c
				  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
				 where c.contype = 'f' and c.connamespace = 'public'::regnamespace
				   and c.confrelid <> 'users'::regclass
				   and not exists (select 1 from pg_index i
				                    where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
				 order by 1
				""").query(String.class).list();

		assertThat(unindexed).isEmpty();
	}

}
