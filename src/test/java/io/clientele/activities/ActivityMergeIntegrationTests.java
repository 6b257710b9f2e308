package io.clientele.activities;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactService;
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
 * survivor, as it takes its deals; a merge of contact persons takes the merged person's
 * places among interactions' participants; undoing the merge takes them back.
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
	ContactService contacts;

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

	@Test
	void merging_contact_persons_moves_their_interaction_participations_to_the_survivor_and_undo_puts_them_back() {
		long firm = clients.create(TaskFixtures.client(TestUsers.unique("ООО Участники")), manager);
		long survivor = contacts.create(person("Королёв", firm), manager);
		long merged = contacts.create(person("Korolev", firm), manager);
		long onlyMerged = interactions.create(meetingWith(firm, "Встреча с дублем", List.of(merged)), manager);
		long both = interactions.create(meetingWith(firm, "Встреча с обоими", List.of(survivor, merged)), manager);
		long onlySurvivor = interactions.create(meetingWith(firm, "Встреча с основным", List.of(survivor)), manager);

		var comparison = merging.compare(ContactService.RECORD_TYPE, survivor, merged, survivor, head);
		long mergeId = merging.merge(new MergeRequest(ContactService.RECORD_TYPE, survivor,
				comparison.survivor().version(), merged, comparison.merged().version(), Map.of()), head);

		assertThat(participants(onlyMerged)).containsExactly(survivor);
		assertThat(participants(both)).containsExactly(survivor);
		assertThat(participants(onlySurvivor)).containsExactly(survivor);
		assertThat(history.of(InteractionService.RECORD_TYPE, onlyMerged, null, 1).get(0).changes())
			.anySatisfy(change -> assertThat(change.field()).isEqualTo("interaction.field.participants"));
		assertThat(history.of(InteractionService.RECORD_TYPE, onlySurvivor, null, 1).get(0).actionKey())
			.isEqualTo("history.action.CREATED");

		merging.undo(mergeId, head);

		assertThat(participants(onlyMerged)).containsExactly(merged);
		assertThat(participants(both)).containsExactlyInAnyOrder(survivor, merged);
		assertThat(participants(onlySurvivor)).containsExactly(survivor);
		assertThat(jdbc.sql("select count(*) from interaction_participant_merge_moves where merge_id = ?")
			.param(mergeId)
			.query(Long.class)
			.single()).isZero();
	}

	private static ContactDraft person(String lastName, long clientId) {
		return new ContactDraft(lastName, "Пётр", null, null, List.of(), List.of(), List.of(), null,
				List.of(new ContactDraft.Work(clientId, null, null, false, false, null)), Map.of());
	}

	private static InteractionDraft meetingWith(long clientId, String subject, List<Long> contactIds) {
		return new InteractionDraft(InteractionKind.MEETING, InteractionState.DONE, Instant.now().minusSeconds(600),
				clientId, null, null, subject, "Итог", null, null, List.of(), contactIds, null, null, null, null, null,
				null, null, null);
	}

	private List<Long> participants(long interaction) {
		return List.copyOf(interactions.card(interaction, manager).participantContacts().keySet());
	}

}
