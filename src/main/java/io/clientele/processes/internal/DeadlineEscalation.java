package io.clientele.processes.internal;

import java.util.List;
import java.util.Optional;

import io.clientele.deals.DealFacts;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealState;
import io.clientele.identity.UserDirectory;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An action whose deadline passed goes up to the head (decision 0017): when a
 * non-interrupting timer on an action fires (on the engine's job executor, in the job's
 * transaction), each open task of that action is given to the head of its person's
 * department (or of the nearest one above), and marked as overdue with whom it came from.
 * The head becomes a co-executor of a process-controlled deal they could not see. At the
 * top of the tree the action stays with its person, marked all the same.
 */
@Component
class DeadlineEscalation implements FlowableEventListener {

	private final UserDirectory users;

	private final ProcessTaskInbox inbox;

	private final DealQueries deals;

	private final DealProgress progress;

	DeadlineEscalation(UserDirectory users, ProcessTaskInbox inbox, DealQueries deals, DealProgress progress) {
		this.users = users;
		this.inbox = inbox;
		this.deals = deals;
		this.progress = progress;
	}

	@Override
	public void onEvent(FlowableEvent event) {
		if (event.getType() != FlowableEngineEventType.TIMER_FIRED
				|| !(event instanceof FlowableEntityEvent entityEvent) || !(entityEvent.getEntity() instanceof Job job)
				|| job.getProcessDefinitionId() == null || job.getProcessInstanceId() == null) {
			return;
		}
		FlowElement element = ProcessDefinitionUtil.getProcess(job.getProcessDefinitionId())
			.getFlowElement(job.getElementId());
		Optional<UserTask> action = RouteMapModel.escalatedBy(element);
		if (action.isEmpty()) {
			return;
		}
		ProcessEngineConfigurationImpl engine = CommandContextUtil.getProcessEngineConfiguration();
		List<Task> open = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(job.getProcessInstanceId())
			.taskDefinitionKey(action.get().getId())
			.list();
		for (Task task : open) {
			escalate(task, engine);
		}
	}

	private void escalate(Task task, ProcessEngineConfigurationImpl engine) {
		Long holder = task.getAssignee() == null || !task.getAssignee().matches("[1-9][0-9]{0,17}") ? null
				: Long.parseLong(task.getAssignee());
		Optional<Long> head = holder == null ? Optional.empty() : users.headOf(holder);
		if (head.isPresent()) {
			Long dealId = inbox.find(task.getId()).map(ProcessTaskInbox.Row::dealId).orElse(null);
			if (dealId != null) {
				followed(dealId).filter(deal -> !deals.visibleAmong(List.of(deal), head.get()).contains(deal))
					.ifPresent(deal -> progress.addCoExecutorByProcess(deal, head.get(), null));
			}
			engine.getTaskService().setAssignee(task.getId(), String.valueOf(head.get()));
		}
		inbox.escalated(task.getId(), head.isPresent() ? holder : null, engine.getClock().getCurrentTime().toInstant());
	}

	private Optional<Long> followed(long dealId) {
		return deals.facts(dealId)
			.filter(deal -> deal.mode() == DealMode.PROCESS_CONTROLLED && deal.state() == DealState.IN_WORK)
			.map(DealFacts::id);
	}

	@Override
	public boolean isFailOnException() {
		return true;
	}

	@Override
	public boolean isFireOnTransactionLifecycleEvent() {
		return false;
	}

	@Override
	public @Nullable String getOnTransaction() {
		return null;
	}

}
