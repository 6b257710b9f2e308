package io.clientele.activities;

import java.util.List;

import java.time.LocalDate;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Deputies;
import io.clientele.identity.Role;
import io.clientele.shared.RecordChanged;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A manager leaves: the administrator sees how many clients, open deals, open tasks and
 * work items would move, and moves them all to another manager in one action. A manager
 * away on holiday names a deputy, who gets their new tasks and sees their records.
 */
@ClienteleIntegrationTest
class HandoverIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Handover handover;

	@Autowired
	TaskService tasks;

	@Autowired
	ClientService clients;

	@Autowired
	Deputies deputies;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InteractionService interactions;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	CurrentUser leaving;

	CurrentUser staying;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		leaving = users.user(Role.SALES_MANAGER, sales);
		staying = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void the_administrator_sees_the_counts_then_hands_everything_over_in_one_action() throws Exception {
		long client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Уходящий")), leaving);
		clients.create(TaskFixtures.client(TestUsers.unique("ООО Второй")), leaving);
		long deal = openDeal(client, leaving);
		long task = tasks.create(TaskFixtures.task("Открытая"), leaving);
		long done = tasks.create(TaskFixtures.task("Сделанная"), leaving);
		tasks.complete(done, 0, null, null, leaving);
		long item = tasks.create(TaskDraft.titled("Работа").withKind(TaskKind.WORK_ITEM).withExecutor(leaving.id()),
				staying);
		long call = interactions.create(call(client, InteractionState.PLANNED, "Перезвонить"), leaving);
		long made = interactions.create(call(client, InteractionState.DONE, "Уже позвонил"), leaving);

		assertThat(handover.preview(leaving.id(), admin)).containsExactly(new HandoverCount("handover.part.clients", 2),
				new HandoverCount("handover.part.deals", 1), new HandoverCount("handover.part.tasks", 1),
				new HandoverCount("handover.part.work-items", 1), new HandoverCount("handover.part.process-tasks", 0),
				new HandoverCount("handover.part.interactions", 1));
		mvc.perform(get("/admin/handover").param("from", String.valueOf(leaving.id())).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"handover-count-handover.part.deals\"")));

		mvc.perform(post("/admin/handover").with(csrf())
			.with(user(admin))
			.param("from", String.valueOf(leaving.id()))
			.param("to", String.valueOf(staying.id()))).andExpect(status().is3xxRedirection());

		assertThat(handover.preview(leaving.id(), admin)).extracting(HandoverCount::count).containsOnly(0L);
		assertThat(clients.card(client, staying).responsibleId()).isEqualTo(staying.id());
		assertThat(jdbc.sql("select responsible_id from deals where id = ?").param(deal).query(Long.class).single())
			.isEqualTo(staying.id());
		TaskCard moved = tasks.card(task, staying);
		assertThat(moved.executorId()).isEqualTo(staying.id());
		assertThat(moved.state()).isEqualTo(TaskState.NEW);
		assertThat(tasks.card(item, staying).executorId()).isEqualTo(staying.id());
		assertThat(tasks.card(item, staying).state()).isEqualTo(TaskState.IN_PROGRESS); // they
																						// wrote
																						// it
		assertThat(tasks.card(done, admin).executorId()).isEqualTo(leaving.id());
		assertThat(interactions.card(call, admin).responsibleId()).isEqualTo(staying.id());
		assertThat(interactions.card(made, admin).responsibleId()).isEqualTo(leaving.id());
		assertThat(history.of(TaskService.RECORD_TYPE, task, null, 5)).first().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo(RecordChanged.Action.REASSIGNED);
			assertThat(entry.changes()).containsExactly(
					RecordChanged.FieldChange.of("task.field.executor", leaving.displayName(), staying.displayName()));
		});
		assertThat(history.of("deal", deal, null, 5)).first()
			.satisfies(entry -> assertThat(entry.action()).isEqualTo(RecordChanged.Action.REASSIGNED));
	}

	private InteractionDraft call(long client, InteractionState state, String subject) {
		java.time.Instant at = state == InteractionState.PLANNED ? java.time.Instant.now().plusSeconds(86_400)
				: java.time.Instant.now().minusSeconds(3_600);
		return new InteractionDraft(InteractionKind.CALL, state, at, client, null, null, subject, null, null,
				leaving.id(), List.of(), List.of(), null, null, null, null, null, null, null, null);
	}

	@Test
	void only_an_administrator_hands_over() throws Exception {
		assertThatThrownBy(() -> handover.handOver(leaving.id(), staying.id(), staying))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/admin/handover").with(csrf())
			.with(user(staying))
			.param("from", String.valueOf(leaving.id()))
			.param("to", String.valueOf(staying.id()))).andExpect(status().isForbidden());
	}

	@Test
	void a_deputy_gets_the_absent_users_new_tasks_sees_their_records_and_is_named_in_the_history() {
		long client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Отпуск")), leaving);
		long earlier = tasks.create(TaskFixtures.task("До отпуска").withLinks(client, null, null), leaving);
		assertThat(clients.visible(client, staying)).isFalse();

		deputies.name(leaving.id(), staying.id(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(7), leaving);

		long given = tasks.create(TaskFixtures.task("Пока в отпуске").withExecutor(leaving.id()), admin);
		assertThat(tasks.card(given, admin).executorId()).isEqualTo(staying.id());
		assertThat(clients.visible(client, staying)).isTrue();
		assertThat(tasks.visible(earlier, staying)).isTrue();

		tasks.complete(earlier, tasks.card(earlier, staying).version(), "за коллегу", null, staying);
		assertThat(history.of(TaskService.RECORD_TYPE, earlier, null, 5)).first().satisfies(entry -> {
			assertThat(entry.actorName()).isEqualTo(staying.displayName());
			assertThat(entry.actedForName()).isEqualTo(leaving.displayName());
		});
	}

	private long openDeal(long client, CurrentUser responsible) {
		return jdbc.sql("""
				insert into deals (client_id, subject, scenario_id, stage_id, mode, state, probability,
				                   responsible_id, stage_entered_at)
				select ?, 'Сделка', s.scenario_id, s.id, 'MANUAL_STAGES', 'IN_WORK', 10, ?, now()
				  from sales_stages s order by s.id limit 1 returning id
				""").params(client, responsible.id()).query(Long.class).single();
	}

}
