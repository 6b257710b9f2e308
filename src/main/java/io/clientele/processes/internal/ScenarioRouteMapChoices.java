package io.clientele.processes.internal;

import java.util.List;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.spi.ScenarioRouteMaps;
import io.clientele.processes.RouteMaps;
import io.clientele.processes.internal.ActionAttributes.AssigneeKind;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The deployed route maps as choices of the sales scenario page (less the maps of
 * instructions), and the check that the stages a map's actions set are the scenario's.
 */
@Component
class ScenarioRouteMapChoices implements ScenarioRouteMaps {

	private final RouteMaps maps;

	private final RepositoryService repository;

	ScenarioRouteMapChoices(RouteMaps maps, RepositoryService repository) {
		this.maps = maps;
		this.repository = repository;
	}

	/**
	 * Every deployed map but those whose actions go to an instruction's author or
	 * executor: a deal's process has neither (decision 0016), so choosing such a map for
	 * a scenario is refused as an unknown map.
	 */
	@Override
	public List<Choice> choices() {
		return maps.all()
			.stream()
			.filter(map -> !forInstructions(map.key()))
			.map(map -> new Choice(map.key(), map.name()))
			.toList();
	}

	private boolean forInstructions(String key) {
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
		return latest != null && RouteMapModel.of(repository.getBpmnModel(latest.getId()))
			.actionsInFlowOrder()
			.stream()
			.anyMatch(action -> action.assignee().kind() == AssigneeKind.AUTHOR
					|| action.assignee().kind() == AssigneeKind.EXECUTOR);
	}

	@Override
	public List<String> stagesMissingIn(String key, SalesScenario scenario) {
		ProcessDefinition latest = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (latest == null) {
			return List.of();
		}
		return RouteMapModel.of(repository.getBpmnModel(latest.getId()))
			.stagesNamed()
			.stream()
			.filter(stage -> RouteMapModel.stageIn(stage, scenario).isEmpty())
			.toList();
	}

}
