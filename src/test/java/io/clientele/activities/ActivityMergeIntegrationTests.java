package io.clientele.activities;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.MergeRequest;
import io.clientele.clients.Merging;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge of duplicate clients takes the merged client's interactions and tasks to the
 * survivor, as it takes its deals; undoing the merge takes them back.
 */
@ClienteleIntegrationTest
class ActivityMergeIntegrationTests {

	@Autowired
	ClientService clients;

	@Autowired
	InteractionService interactions;

	@Autowired
	TaskService tasks;

	@Autowired
	Merging merging;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser head;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		manager = users.user(Role.SALES_MANAGER, sales);
	}

	@Test
	void merging_clients_moves_their_interactions_and_tasks_to_the_survivor_and_undo_moves_them_back() {
		long survivor = clients.create(TaskFixtures.client(TestUsers.unique("ООО Ромашка")), manager);
		long merged = clients.create(TaskFixtures.client(TestUsers.unique("Ромашка ООО")), manager);
		long call = interactions.create(new InteractionDraft(InteractionKind.CALL, InteractionState.DONE,
				Instant.now().minusSeconds(600), merged, null, null, "Звонок дублю", null, null, manager.id(),
				List.of(), List.of(), null, null, null, null, null, null, null, null), manager);
		long stays = interactions.create(new InteractionDraft(InteractionKind.NOTE, InteractionState.DONE,
				Instant.now().minusSeconds(300), survivor, null, null, "Заметка основного", null, null, manager.id(),
				List.of(), List.of(), null, null, null, null, null, null, null, null), manager);
		long task = tasks.create(new TaskDraft(null, "Выставить счёт дублю", null, manager.id(), null, null, null, null,
				merged, null, null, 0), manager);

		var comparison = merging.compare(ClientService.RECORD_TYPE, survivor, merged, survivor, head);
		long mergeId = merging.merge(new MergeRequest(ClientService.RECORD_TYPE, survivor,
				comparison.survivor().version(), merged, comparison.merged().version(), Map.of()), head);

		assertThat(interactions.card(call, manager).clientId()).isEqualTo(survivor);
		assertThat(interactions.card(stays, manager).clientId()).isEqualTo(survivor);
		assertThat(tasks.card(task, manager).clientId()).isEqualTo(survivor);
		assertThat(history.of(InteractionService.RECORD_TYPE, call, null, 1).get(0).changes())
			.anySatisfy(change -> assertThat(change.field()).isEqualTo("interaction.field.client"));

		merging.undo(mergeId, head);

		assertThat(interactions.card(call, manager).clientId()).isEqualTo(merged);
		assertThat(interactions.card(stays, manager).clientId()).isEqualTo(survivor);
		assertThat(tasks.card(task, manager).clientId()).isEqualTo(merged);
		assertThat(jdbc.sql("select count(*) from interaction_merge_moves where merge_id = ?")
			.param(mergeId)
			.query(Long.class)
			.single()).isZero();
	}

}
