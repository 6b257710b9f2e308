package io.clientele.demo;

import io.clientele.shared.TaxIds;
import io.clientele.support.EmptyDatabase;
import io.clientele.support.StandaloneClientele;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generator's S data set on an empty database: the counts it promises, requisites
 * that pass their check digits, references that all hold, and leads in every status. (How
 * fast it loads is measured by the benchmarks, never here.)
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

			assertLeads(jdbc, report.leads());
			// Leads added later to a data set made before there were leads are the same
			// ones, and go only where there are none.
			jdbc.sql("delete from leads").update();
			assertThat(generator.addLeads(DataSetSize.S, 1).leads()).isEqualTo(500);
			assertLeads(jdbc, 500);
			assertThatThrownBy(() -> generator.addLeads(DataSetSize.S, 1)).hasMessageContaining("leads already");
		}
	}

	private static void assertLeads(JdbcClient jdbc, long reported) {
		assertThat(jdbc.sql("select count(*) from leads").query(Long.class).single()).isEqualTo(reported)
			.isEqualTo(500);
		// Every status and source, each a fair share.
		assertThat(
				jdbc.sql("select status from leads group by status having count(*) >= 25").query(String.class).list())
			.containsExactlyInAnyOrder("NEW", "IN_WORK", "QUALIFIED", "CONVERTED", "REJECTED");
		assertThat(jdbc.sql("select count(distinct source) from leads").query(Long.class).single()).isEqualTo(6);
		// New leads wait in their departments' queues; the others have a manager of the
		// lead's department.
		assertThat(jdbc.sql("select count(*) from leads where responsible_id is null").query(Long.class).single())
			.isGreaterThan(25);
		assertThat(jdbc.sql("select count(*) from leads where responsible_id is null and status <> 'NEW'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from leads l join users u on u.id = l.responsible_id
				 where u.department_id <> l.department_id or u.role <> 'SALES_MANAGER'
				""").query(Long.class).single()).isZero();
		// A converted lead points at the client it became, whose name it carries (an
		// organisation's, or the individual's own), and at its contact person.
		assertThat(jdbc.sql("""
				select count(*) from leads l join clients c on c.id = l.client_id
				 where l.status = 'CONVERTED' and l.converted_at is not null
				   and (c.kind = 'ORGANISATION' and l.company = c.name and l.contact_id is not null
				        and exists (select 1 from client_contacts cc join contacts ct on ct.id = cc.contact_id
				                     where cc.client_id = c.id and ct.id = l.contact_id and ct.full_name = l.name)
				        or c.kind = 'INDIVIDUAL' and l.name = c.name)
				""").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from leads where status = 'CONVERTED' or client_id is not null")
				.query(Long.class)
				.single());
		assertThat(jdbc.sql("select count(*) from leads where status = 'REJECTED' and rejection_reason_id is null")
			.query(Long.class)
			.single()).isZero();
		// Phones and e-mails are searchable, and the leads' indexes are back.
		assertThat(jdbc.sql("select count(*) from leads where cardinality(phone_digits) + cardinality(email_lower) = 0")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'leads'").query(Long.class).single())
			.isGreaterThan(10);
	}

}
