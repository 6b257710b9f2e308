package io.clientele.processes.internal;

import java.util.List;

import io.clientele.deals.DealFacts;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealService;
import io.clientele.processes.internal.ActionAttributes.AssigneeKind;
import io.clientele.shared.RecordChanged;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a deal changes hands (its responsible manager changed on the deal, or handed over
 * with a departing user's work), its open actions that are the responsible manager's
 * ({@code clientele:assignee="responsible"}, also when the map names nobody) go to the
 * new one, in the engine and in {@code process_tasks} (decision 0017). An action that
 * went up to a head when its deadline passed stays with the head; actions for a head, a
 * role or a named user stay where they are. A plain listener, in the changing
 * transaction, like the switch of a deal's mode (decision 0015): the deal and its actions
 * never disagree.
 */
@Component
class ActionsFollowResponsible {

	private final DealQueries deals;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final ProcessTaskInbox inbox;

	ActionsFollowResponsible(DealQueries deals, TaskService tasks, RepositoryService repository,
			ProcessTaskInbox inbox) {
		this.deals = deals;
		this.tasks = tasks;
		this.repository = repository;
		this.inbox = inbox;
	}

	@EventListener
	void on(RecordChanged changed) {
		if (!DealService.RECORD_TYPE.equals(changed.recordType())
				|| changed.changes().stream().noneMatch(change -> change.field().equals("deal.field.responsible"))) {
			return;
		}
		List<ProcessTaskInbox.Row> open = inbox.ofDeal(changed.recordId());
		if (open.isEmpty()) {
			return;
		}
		DealFacts deal = deals.facts(changed.recordId()).orElse(null);
		if (deal == null) {
			return;
		}
		String responsible = String.valueOf(deal.responsibleId());
		for (ProcessTaskInbox.Row row : open) {
			Task task = tasks.createTaskQuery().taskId(row.taskId()).singleResult();
			if (task == null || responsible.equals(task.getAssignee()) || inbox.escalation(row.taskId()).isPresent()) {
				continue;
			}
			boolean responsibles = RouteMapModel.of(repository.getBpmnModel(task.getProcessDefinitionId()))
				.action(task.getTaskDefinitionKey())
				.map(action -> action.assignee().kind() == AssigneeKind.RESPONSIBLE)
				.orElse(false);
			if (responsibles) {
				EngineCalls.as(changed.actorId(), () -> {
					tasks.setAssignee(task.getId(), responsible);
					return null;
				});
			}
		}
	}

}
