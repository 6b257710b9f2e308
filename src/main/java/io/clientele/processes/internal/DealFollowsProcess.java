package io.clientele.processes.internal;

import java.util.List;
import java.util.Optional;

import io.clientele.deals.DealFacts;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealProgress;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealState;
import io.clientele.deals.SalesScenarios;
import io.clientele.processes.internal.ActionAttributes.Outcome;
import io.clientele.processes.internal.RouteMapModel.Action;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.interceptor.CreateUserTaskAfterContext;
import org.flowable.engine.interceptor.CreateUserTaskBeforeContext;
import org.flowable.engine.interceptor.CreateUserTaskInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The deal follows its process, from inside the engine (registered in its configuration,
 * {@link EngineHooks}; nothing in a map calls it): when an action starts, the deal enters
 * the action's stage and the action goes to its person, who becomes a co-executor when
 * they could not see the deal; where the process ends as won or lost, so does the deal.
 * All of it in the engine's transaction, so that a deal and its process never disagree.
 * Processes that are no deal's (business key not {@code deal:<id>}: an instruction's)
 * only have their actions given to the people their variables name; deals no longer under
 * process control or closed are left alone.
 */
@Component
class DealFollowsProcess implements CreateUserTaskInterceptor, FlowableEventListener {

	/**
	 * A transient variable of a process started at an action other than its first: the
	 * actions created before the engine is moved there set nothing.
	 */
	static final String STARTING_AT = "clienteleStartingAt";

	/** The loss reason given in the step before an end that loses the deal. */
	static final String LOSS_REASON = "lossReasonId";

	static final String LOSS_NOTE = "lossNote";

	private final DealQueries deals;

	private final DealProgress progress;

	private final SalesScenarios scenarios;

	private final Assignees assignees;

	private final ProcessTaskInbox inbox;

	DealFollowsProcess(DealQueries deals, DealProgress progress, SalesScenarios scenarios, Assignees assignees,
			ProcessTaskInbox inbox) {
		this.deals = deals;
		this.progress = progress;
		this.scenarios = scenarios;
		this.assignees = assignees;
		this.inbox = inbox;
	}

	@Override
	public void beforeCreateUserTask(CreateUserTaskBeforeContext context) {
		DelegateExecution execution = context.getExecution();
		if (context.getDueDate() == null || context.getDueDate().isBlank()) {
			RouteMapModel.deadlineOf(context.getUserTask()).ifPresent(context::setDueDate);
		}
		Object startingAt = execution.getTransientVariable(STARTING_AT);
		if (startingAt != null && !startingAt.equals(context.getUserTask().getId())) {
			return;
		}
		Action action = RouteMapModel.action(context.getUserTask());
		Optional<DealFacts> followed = followed(execution);
		if (followed.isEmpty()) {
			if (DealKeys.dealId(execution.getProcessInstanceBusinessKey()) == null) {
				assignees.of(action.assignee(), execution)
					.ifPresent(person -> context.setAssignee(String.valueOf(person)));
			}
			return;
		}
		DealFacts deal = followed.get();
		Long actor = actor();
		if (action.stage() != null) {
			RouteMapModel.stageIn(action.stage(), scenarios.scenario(deal.scenarioId()))
				.filter(stage -> stage.id() != deal.stageId())
				.ifPresent(stage -> progress.moveByProcess(deal.id(), stage.id(), actor));
		}
		long assignee = assignees.of(action.assignee(), deal, execution);
		if (!deals.visibleAmong(List.of(deal.id()), assignee).contains(deal.id())) {
			progress.addCoExecutorByProcess(deal.id(), assignee, actor);
		}
		context.setAssignee(String.valueOf(assignee));
	}

	@Override
	public void afterCreateUserTask(CreateUserTaskAfterContext context) {
		DelegateExecution execution = context.getExecution();
		String key = execution.getProcessInstanceBusinessKey();
		inbox.add(context.getTaskEntity(), DealKeys.dealId(key), InstructionKeys.instructionId(key),
				ProcessDeadline.of(execution));
	}

	/** Where the process ends as won or lost, so does the deal. */
	@Override
	public void onEvent(FlowableEvent event) {
		if (event.getType() != FlowableEngineEventType.ACTIVITY_STARTED
				|| !(event instanceof FlowableActivityEvent activity)) {
			return;
		}
		FlowElement element = ProcessDefinitionUtil.getProcess(activity.getProcessDefinitionId())
			.getFlowElement(activity.getActivityId());
		Optional<Outcome> outcome = element == null ? Optional.empty() : RouteMapModel.outcome(element);
		if (outcome.isEmpty()) {
			return;
		}
		ExecutionEntity execution = CommandContextUtil.getExecutionEntityManager().findById(activity.getExecutionId());
		followed(execution).ifPresent(deal -> {
			if (outcome.get() == Outcome.WON) {
				progress.winByProcess(deal.id(), actor());
			}
			else {
				Object reason = execution.getVariable(LOSS_REASON);
				Object note = execution.getVariable(LOSS_NOTE);
				progress.loseByProcess(deal.id(), reason instanceof Number number ? number.longValue() : null,
						note == null ? null : note.toString(), actor());
			}
		});
	}

	private Optional<DealFacts> followed(DelegateExecution execution) {
		Long dealId = DealKeys.dealId(execution.getProcessInstanceBusinessKey());
		if (dealId == null) {
			return Optional.empty();
		}
		return deals.facts(dealId)
			.filter(deal -> deal.mode() == DealMode.PROCESS_CONTROLLED && deal.state() == DealState.IN_WORK);
	}

	/** Who completed the step that led here (set by whoever called the engine). */
	static @Nullable Long actor() {
		String id = Authentication.getAuthenticatedUserId();
		return id == null || !id.matches("[1-9][0-9]{0,17}") ? null : Long.parseLong(id);
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
