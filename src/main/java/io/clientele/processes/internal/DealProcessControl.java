package io.clientele.processes.internal;

import java.util.List;
import java.util.Optional;

import io.clientele.deals.DealFacts;
import io.clientele.deals.DealModeSwitched;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealService;
import io.clientele.deals.DealStageChanged;
import io.clientele.deals.DealState;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.processes.internal.RouteMapModel.Action;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RuleViolation;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.engine.runtime.ProcessInstanceBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts and ends deals' processes as their mode changes, in the transaction that changes
 * it (decision 0015): a deal put under process control starts its scenario's map (latest
 * version) at the first action that sets the stage it stands in, or at the map's start
 * when it stands in the scenario's first stage or no action names a stage; in any other
 * stage the switch is refused. A deal taken out of process control, closed by hand or
 * moved to the recycle bin ends its process: deleted with the reason, its history kept.
 */
@Component
class DealProcessControl {

	static final String ENDED_MANUAL = "clientele:mode-switched";

	static final String ENDED_CLOSED = "clientele:deal-closed";

	static final String ENDED_DELETED = "clientele:deal-deleted";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final DealQueries deals;

	private final SalesScenarios scenarios;

	DealProcessControl(RuntimeService runtime, RepositoryService repository, DealQueries deals,
			SalesScenarios scenarios) {
		this.runtime = runtime;
		this.repository = repository;
		this.deals = deals;
		this.scenarios = scenarios;
	}

	@EventListener
	void on(DealModeSwitched switched) {
		if (switched.endsProcess()) {
			end(switched.dealId(), ENDED_MANUAL, switched.actorId());
		}
		if (switched.startsProcess()) {
			deals.facts(switched.dealId())
				.filter(deal -> deal.state() == DealState.IN_WORK)
				.ifPresent(deal -> start(deal, switched.routeMapKey(), switched.actorId()));
		}
	}

	/**
	 * A deal closed by hand ends its process; one the process closed (inside the engine)
	 * has none left to end.
	 */
	@EventListener
	void on(DealStageChanged changed) {
		if (changed.state() != DealState.IN_WORK && Context.getCommandContext() == null) {
			end(changed.dealId(), ENDED_CLOSED, changed.actorId());
		}
	}

	@EventListener
	void on(RecordChanged changed) {
		if (DealService.RECORD_TYPE.equals(changed.recordType()) && changed.action() == RecordChanged.Action.DELETED) {
			end(changed.recordId(), ENDED_DELETED, changed.actorId());
		}
	}

	private void start(DealFacts deal, @Nullable String key, long actorId) {
		SalesScenario scenario = scenarios.scenario(deal.scenarioId());
		if (key == null) {
			throw new RuleViolation("mode", "deal.mode.no-route-map", scenario.name());
		}
		if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(DealKeys.of(deal.id())).count() > 0) {
			return;
		}
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new RuleViolation("mode", "process.start.map-missing", key);
		}
		RouteMapModel map = RouteMapModel.of(repository.getBpmnModel(definition.getId()));
		Optional<Action> at = startAt(map, scenario, deal.stageId());
		EngineCalls.as(actorId, () -> {
			ProcessInstanceBuilder builder = runtime.createProcessInstanceBuilder()
				.processDefinitionId(definition.getId())
				.businessKey(DealKeys.of(deal.id()));
			at.ifPresent(action -> builder.transientVariable(DealFollowsProcess.STARTING_AT, action.id()));
			ProcessInstance instance = builder.start();
			if (at.isPresent() && !instance.isEnded()) {
				List<String> active = runtime.getActiveActivityIds(instance.getId());
				if (!active.equals(List.of(at.get().id()))) {
					runtime.createChangeActivityStateBuilder()
						.processInstanceId(instance.getId())
						.moveActivityIdsToSingleActivityId(active, at.get().id())
						.changeState();
				}
			}
			return instance;
		});
	}

	/**
	 * The action a deal in the stage starts at; empty for the map's start.
	 * @throws RuleViolation when the stage is neither the first nor set by an action
	 */
	private static Optional<Action> startAt(RouteMapModel map, SalesScenario scenario, long stageId) {
		Optional<Action> action = map.startFor(scenario, stageId);
		if (action.isPresent()) {
			return action;
		}
		boolean first = !scenario.activeStages().isEmpty() && scenario.activeStages().get(0).id() == stageId;
		if (first || map.stagesNamed().isEmpty()) {
			return Optional.empty();
		}
		String stage = scenario.stage(stageId).map(SalesScenario.Stage::name).orElse("#" + stageId);
		throw new RuleViolation("mode", "process.start.no-action-for-stage", map.name(), stage);
	}

	private void end(long dealId, String reason, @Nullable Long actorId) {
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(DealKeys.of(dealId))
			.list()) {
			EngineCalls.as(actorId, () -> {
				runtime.deleteProcessInstance(instance.getId(), reason);
				return null;
			});
		}
	}

}
