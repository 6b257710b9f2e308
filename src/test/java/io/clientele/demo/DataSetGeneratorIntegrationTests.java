package io.clientele.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
 * that pass their check digits, references that all hold, leads in every status, and
 * deals whose stays, ticks and funnel counters agree with each other. (How fast it loads
 * is measured by the benchmarks, never here.)
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
			// The generator takes the minute it starts in as "now"; a meeting planned
			// after
			// that may pass while the test runs, so "already past" means before this.
			Instant started = Instant.now().truncatedTo(ChronoUnit.MINUTES);
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

			assertDeals(jdbc, report.deals());
			// Deals added later to a data set made before there were deals are the same
			// ones, and the counters are computed afresh (here: after a deletion that did
			// not count, as stale as counters can be).
			String generated = dealsFingerprint(jdbc);
			assertActivities(jdbc, report.interactions(), report.tasks(), started);
			String generatedActivities = activitiesFingerprint(jdbc);
			jdbc.sql("delete from interactions").update();
			jdbc.sql("delete from tasks").update();
			jdbc.sql("alter table deals disable trigger deals_counts_delete").update();
			jdbc.sql("delete from deals").update();
			jdbc.sql("alter table deals enable trigger deals_counts_delete").update();
			assertThat(generator.addDeals(DataSetSize.S, 1).deals()).isEqualTo(20_000);
			assertDeals(jdbc, 20_000);
			assertThat(dealsFingerprint(jdbc)).isEqualTo(generated);
			assertThatThrownBy(() -> generator.addDeals(DataSetSize.S, 1)).hasMessageContaining("deals already");

			// Interactions and tasks added later are the same ones, on the deals as they
			// are now.
			var added = generator.addActivities(DataSetSize.S, 1);
			assertActivities(jdbc, added.interactions(), added.tasks(), started);
			assertThat(activitiesFingerprint(jdbc)).isEqualTo(generatedActivities);
			assertThatThrownBy(() -> generator.addActivities(DataSetSize.S, 1))
				.hasMessageContaining("interactions or tasks already");

			// Open deals put under process control each run their scenario's map in the
			// engine, with one open action for a person.
			var processes = clientele.bean(io.clientele.demo.internal.GeneratedProcesses.class);
			assertThat(processes.add(DataSetSize.S, 1).started()).isEqualTo(1_000);
			assertThat(jdbc.sql("select count(*) from deals where mode = 'PROCESS_CONTROLLED' and state = 'IN_WORK'")
				.query(Long.class)
				.single()).isEqualTo(1_000);
			assertThat(jdbc.sql("""
					select count(*) from flowable.act_ru_execution
					where parent_id_ is null and business_key_ like 'deal:%'""").query(Long.class).single())
				.isEqualTo(1_000);
			assertThat(jdbc
				.sql("""
						select count(*) from deals d
						where d.mode = 'PROCESS_CONTROLLED'
						  and (select count(*) from process_tasks t where t.deal_id = d.id and t.assignee_id is not null) <> 1
						""")
				.query(Long.class)
				.single()).isZero();
			assertThatThrownBy(() -> processes.add(DataSetSize.S, 1))
				.hasMessageContaining("process-controlled deals already");
		}
	}

	private static void assertActivities(JdbcClient jdbc, long interactions, long tasks, Instant started) {
		assertThat(count(jdbc, "select count(*) from interactions")).isEqualTo(interactions).isEqualTo(100_000);
		assertThat(count(jdbc, "select count(*) from tasks")).isEqualTo(tasks).isEqualTo(10_000);
		// About 1 % planned, 2 % cancelled, the rest done; 8 % of the tasks open.
		assertThat(count(jdbc, "select count(*) from interactions where state = 'PLANNED'")).isBetween(800L, 1_200L);
		assertThat(count(jdbc, "select count(*) from interactions where state = 'CANCELLED'")).isBetween(1_600L,
				2_400L);
		assertThat(count(jdbc, "select count(*) from tasks where state <> 'DONE'")).isBetween(650L, 950L);
		// Nine in ten interactions are kept by the client's manager, the others by a
		// colleague of the same department; a task's executor is its client's manager.
		assertThat(count(jdbc, """
				select count(*) from interactions i join clients c on c.id = i.client_id
				 where i.responsible_id = c.responsible_id""")).isBetween(88_000L, 92_000L);
		assertThat(count(jdbc, """
				select count(*) from interactions i join clients c on c.id = i.client_id
				  join users u on u.id = i.responsible_id join users m on m.id = c.responsible_id
				 where u.department_id <> m.department_id""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from tasks t join clients c on c.id = t.client_id
				 where t.executor_id <> c.responsible_id""")).isZero();
		// A linked deal and contact person belong to the interaction's client.
		assertThat(count(jdbc, """
				select count(*) from interactions i join deals d on d.id = i.deal_id
				 where d.client_id <> i.client_id""")).isZero();
		assertThat(count(jdbc, "select count(*) from interactions where deal_id is not null")).isGreaterThan(20_000);
		assertThat(count(jdbc, """
				select count(*) from interactions i
				 where i.contact_id is not null
				   and not exists (select 1 from client_contacts cc
				                    where cc.client_id = i.client_id and cc.contact_id = i.contact_id)""")).isZero();
		// They carry who may see them (decision 0014): their client's manager and the
		// colleagues taking part.
		assertThat(count(jdbc, """
				select count(*) from interactions i join clients c on c.id = i.client_id
				 where i.client_responsible_id is distinct from c.responsible_id
				    or i.client_segment_ids <> c.segment_ids""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from interaction_participants p join interactions i on i.id = p.interaction_id
				 where p.user_id not in (i.responsible_id, i.client_responsible_id)
				   and not p.user_id = any(i.other_reader_ids)""")).isZero();
		assertThat(count(jdbc, "select count(*) from interactions where other_reader_ids <> '{}'")).isPositive();
		// Meetings have participants; no reminder is armed for a time already past.
		assertThat(count(jdbc, "select count(distinct interaction_id) from interaction_participants"))
			.isGreaterThan(5_000);
		assertThat(jdbc.sql("""
				select count(*) from interactions
				 where state = 'PLANNED' and planned_at < ? and reminded_for is distinct from planned_at""")
			.param(Timestamp.from(started))
			.query(Long.class)
			.single()).isZero();
		// New rows get ids after the generated ones (the identity columns are back).
		assertThat(count(jdbc,
				"""
						select count(*) from information_schema.columns
						 where table_name in ('interactions', 'tasks') and column_name = 'id' and identity_generation = 'ALWAYS'"""))
			.isEqualTo(2);
		assertThat(count(jdbc, "select nextval(pg_get_serial_sequence('interactions', 'id'))"))
			.isGreaterThan(count(jdbc, "select max(id) from interactions"));
	}

	private static String activitiesFingerprint(JdbcClient jdbc) {
		return jdbc.sql("""
				select md5(string_agg(concat_ws('|', kind, state, client_id, contact_id, deal_id is not null, subject,
				                                responsible_id, call_result, duration_seconds),
				                      ';' order by id)) from interactions
				""").query(String.class).single() + jdbc.sql("""
				select md5(string_agg(concat_ws('|', kind, title, executor_id, author_id, state, priority, client_id,
				                                contact_id, deal_id is not null), ';' order by id)) from tasks
				""").query(String.class).single();
	}

	private static void assertDeals(JdbcClient jdbc, long reported) {
		assertThat(count(jdbc, "select count(*) from deals")).isEqualTo(reported).isEqualTo(20_000);
		// About 35 % in work, 25 % won, 40 % lost; three in five in the first scenario.
		assertThat(count(jdbc, "select count(*) from deals where state = 'IN_WORK'")).isBetween(6_000L, 8_000L);
		assertThat(count(jdbc, "select count(*) from deals where state = 'WON'")).isBetween(4_000L, 6_000L);
		assertThat(count(jdbc, "select count(*) from deals where state = 'LOST'")).isBetween(7_000L, 9_000L);
		assertThat(count(jdbc, "select count(*) from deals where scenario_id = (select min(id) from sales_scenarios)"))
			.isBetween(11_000L, 13_000L);
		// Every stage of both scenarios has deals in work.
		assertThat(count(jdbc, """
				select count(*) from sales_stages s
				 where not exists (select 1 from deals d where d.stage_id = s.id and d.state = 'IN_WORK')
				""")).isZero();
		// A deal's stage belongs to its scenario; its manager is its client's.
		assertThat(count(jdbc, """
				select count(*) from deals d join sales_stages s on s.id = d.stage_id
				 where s.scenario_id <> d.scenario_id
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deals d join clients c on c.id = d.client_id
				 where d.responsible_id <> c.responsible_id
				""")).isZero();
		// Lost deals have a reason, closed ones their probability of 0 or 100.
		assertThat(count(jdbc, "select count(*) from deals where state = 'LOST' and loss_reason_id is null")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deals
				 where state = 'WON' and probability <> 100 or state = 'LOST' and probability <> 0
				""")).isZero();
		// One to three lines, whose totals make the amount.
		assertThat(count(jdbc, """
				select count(*) from deals d
				 where (select count(*) from deal_lines l where l.deal_id = d.id) not between 1 and 3
				    or d.amount <> (select sum(round(l.quantity * l.price * (100 - l.discount) / 100, 2))
				                      from deal_lines l where l.deal_id = d.id)
				""")).isZero();
		assertStays(jdbc);
		assertCounters(jdbc);
		// The counting trigger is back on, the references and the indexes are back.
		assertThat(
				jdbc.sql("select tgenabled from pg_trigger where tgname = 'deals_counts'").query(String.class).single())
			.isEqualTo("O");
		assertThat(count(jdbc, """
				select count(*) from pg_constraint
				 where contype = 'f' and conrelid = any(array['deals', 'deal_lines', 'deal_stage_visits',
				                                              'deal_checks']::regclass[])
				""")).isGreaterThan(15);
		assertThat(count(jdbc, "select count(*) from pg_indexes where tablename = 'deals'")).isGreaterThan(15);
	}

	/**
	 * A deal in work stays in its stage since it entered it, a closed one's last stay
	 * ended as the deal did; each move leads forwards to the next stay, and every stage
	 * left forwards has its required checklist items ticked.
	 */
	private static void assertStays(JdbcClient jdbc) {
		assertThat(count(jdbc, """
				select count(*) from deal_stage_visits v join deals d on d.id = v.deal_id
				  join sales_stages s on s.id = v.stage_id
				 where v.scenario_id <> d.scenario_id or s.scenario_id <> d.scenario_id
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deals d
				 where d.state = 'IN_WORK'
				   and (select count(*) from deal_stage_visits v
				         where v.deal_id = d.id and v.left_at is null and v.stage_id = d.stage_id
				           and v.entered_at = d.stage_entered_at) <> 1
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deal_stage_visits v join deals d on d.id = v.deal_id
				 where v.left_at is null and d.state <> 'IN_WORK'
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deals d
				 where d.state <> 'IN_WORK'
				   and not exists (select 1 from deal_stage_visits v
				                    where v.deal_id = d.id and v.stage_id = d.stage_id and v.outcome = d.state
				                      and v.entered_at = d.stage_entered_at and v.left_at = d.closed_at)
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deal_stage_visits v
				  join sales_stages s on s.id = v.stage_id
				  left join sales_stages n on n.id = v.next_stage_id
				 where (v.outcome = 'MOVED') <> (v.next_stage_id is not null)
				    or v.outcome = 'MOVED'
				       and (n.position <= s.position
				            or not exists (select 1 from deal_stage_visits w
				                            where w.deal_id = v.deal_id and w.stage_id = v.next_stage_id
				                              and w.entered_at = v.left_at))
				""")).isZero();
		assertThat(count(jdbc, """
				select count(*) from deal_stage_visits v
				  join stage_checklist_items i on i.stage_id = v.stage_id and not i.optional
				 where v.outcome in ('MOVED', 'WON')
				   and not exists (select 1 from deal_checks c where c.deal_id = v.deal_id and c.item_id = i.id)
				""")).isZero();
		assertThat(count(jdbc, "select count(*) from deal_checks")).isPositive();
	}

	/**
	 * The closing counters the funnel adds up equal a recount of the closed deals through
	 * the views reports read.
	 */
	private static void assertCounters(JdbcClient jdbc) {
		assertThat(count(jdbc, "select count(*) from deal_funnel_passes")).isPositive();
		assertThat(differences(jdbc,
				"""
						select d.scenario_id, date_trunc('hour', d.closed_at, 'UTC') as closed_hour, v.stage_id,
						       count(distinct d.id)::int as entered, count(distinct d.id) filter (where v.went_on)::int as went_on
						  from published_deals d
						  join published_deal_stage_visits v on v.deal_id = d.id and v.entered_at <= d.closed_at
						 where d.closed_at is not null
						 group by 1, 2, 3
						""",
				"select scenario_id, closed_hour, stage_id, entered, went_on from deal_funnel_passes where entered <> 0"))
			.isZero();
		assertThat(differences(jdbc, """
				select scenario_id, date_trunc('hour', closed_at, 'UTC') as closed_hour, stage_id, state,
				       coalesce(loss_reason_id, 0) as loss_reason_id, count(*)::int as deals
				  from published_deals where closed_at is not null
				 group by 1, 2, 3, 4, 5
				""", """
				select scenario_id, closed_hour, stage_id, state, loss_reason_id, deals
				  from deal_funnel_closings where deals <> 0
				""")).isZero();
		String reached = """
				(select distinct d.id, d.scenario_id, v.stage_id, d.state, d.responsible_id, d.client_id,
				        lower(btrim(d.kind)) as kind
				   from published_deals d
				   join published_deal_stage_visits v on v.deal_id = d.id and v.entered_at <= d.closed_at
				  where d.closed_at is not null) r""";
		assertThat(differences(jdbc,
				"""
						select scenario_id, stage_id, 'scenario', '', count(*)::int, count(*) filter (where state = 'WON')::int
						  from %1$s group by 1, 2
						union all
						select scenario_id, stage_id, 'manager', responsible_id::text, count(*), count(*) filter (where state = 'WON')
						  from %1$s group by 1, 2, 4
						union all
						select scenario_id, stage_id, 'client', client_id::text, count(*), count(*) filter (where state = 'WON')
						  from %1$s group by 1, 2, 4
						union all
						select scenario_id, stage_id, 'kind', kind, count(*), count(*) filter (where state = 'WON')
						  from %1$s where kind <> '' group by 1, 2, 4
						"""
					.formatted(reached),
				"select scenario_id, stage_id, basis, basis_key, closed, won from deal_win_rates where closed <> 0"))
			.isZero();
	}

	/** How many rows one query gives that the other does not, both ways. */
	private static long differences(JdbcClient jdbc, String expected, String actual) {
		return count(jdbc, """
				select (select count(*) from ((%1$s) except (%2$s)) a) + (select count(*) from ((%2$s) except (%1$s)) b)
				""".formatted(expected, actual));
	}

	/**
	 * What the deals are, apart from their ids and times (relative to the generation's).
	 */
	private static String dealsFingerprint(JdbcClient jdbc) {
		return jdbc.sql("""
				select md5(string_agg(concat_ws('|', client_id, contact_id, subject, kind, scenario_id, stage_id, state,
				                                loss_reason_id, amount, probability, responsible_id, co_executor_ids),
				                      ';' order by id))
				  from deals
				""").query(String.class).single();
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
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
