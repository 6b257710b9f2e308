package io.clientele.demo;

import io.clientele.shared.TaxIds;
import io.clientele.support.EmptyDatabase;
import io.clientele.support.StandaloneClientele;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator's S data set on an empty database: the counts it promises, requisites
 * that pass their check digits, and references that all hold. (How fast it loads is
 * measured by the benchmarks, never here.)
 */
class DataSetGeneratorIntegrationTests {

	EmptyDatabase database;

	@BeforeEach
	void emptyDatabase() throws Exception {
		database = EmptyDatabase.create("data_set");
	}

	@AfterEach
	void dropDatabase() throws Exception {
		database.close();
	}

	@Test
	void the_s_data_set_is_consistent() throws Exception {
		try (var clientele = StandaloneClientele.start(database.jdbcUrl(), "postgres", "")) {
			var generator = clientele.bean(io.clientele.demo.internal.DataSetGenerator.class);
			var report = generator.generate(DataSetSize.S, 1, "bench-password");
			var jdbc = clientele.jdbc();

			assertThat(jdbc.sql("select count(*) from clients").query(Long.class).single()).isEqualTo(10_000);
			assertThat(jdbc.sql("select count(*) from clients where kind = 'INDIVIDUAL'").query(Long.class).single())
				.isEqualTo(2_000);
			assertThat(jdbc.sql("select count(*) from contacts").query(Long.class).single())
				.isEqualTo(report.contacts())
				.isEqualTo(20_000);
			assertThat(jdbc.sql("select count(*) from users where role = 'SALES_MANAGER'").query(Long.class).single())
				.isEqualTo(200);
			assertThat(jdbc.sql("select count(*) from departments where head_user_id is not null")
				.query(Long.class)
				.single()).isEqualTo(20);

			// Requisites pass their check digits; every client has a responsible manager
			// who exists.
			assertThat(jdbc.sql("select inn from clients where inn is not null").query(String.class).list())
				.hasSizeGreaterThan(8_000)
				.allMatch(TaxIds::isValidInn);
			assertThat(jdbc.sql("select ogrn from clients where ogrn is not null").query(String.class).list())
				.allMatch(TaxIds::isValidOgrn);
			assertThat(jdbc.sql("""
					select count(*) from clients c left join users u on u.id = c.responsible_id
					 where u.id is null or u.role <> 'SALES_MANAGER'
					""").query(Long.class).single()).isZero();
			// Every contact person works for at least one organisation; links point at
			// real rows.
			assertThat(jdbc.sql("""
					select count(*) from contacts ct
					 where not exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id
					                    where cc.contact_id = ct.id and c.kind = 'ORGANISATION')
					""").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from client_contacts").query(Long.class).single())
				.isEqualTo(report.links());
			// The search columns are filled, and the indexes are back.
			assertThat(jdbc.sql("select count(*) from clients where cardinality(phone_digits) = 0")
				.query(Long.class)
				.single()).isZero();
			assertThat(
					jdbc.sql("select count(*) from pg_indexes where tablename = 'clients'").query(Long.class).single())
				.isGreaterThan(10);

			// A data set never goes into a base that has clients.
			assertThatThrownBy(() -> generator.generate(DataSetSize.S, 1, "x")).hasMessageContaining("not empty");
		}
	}

}
