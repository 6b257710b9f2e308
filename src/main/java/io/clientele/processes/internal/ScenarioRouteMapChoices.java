package io.clientele.processes.internal;

import java.util.List;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.spi.ScenarioRouteMaps;
import io.clientele.processes.RouteMaps;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The deployed route maps as choices of the sales scenario page, and the check that the
 * stages a map's actions set are the scenario's.
 */
@Component
class ScenarioRouteMapChoices implements ScenarioRouteMaps {

	private final RouteMaps maps;

	private final RepositoryService repository;

	ScenarioRouteMapChoices(RouteMaps maps, RepositoryService repository) {
		this.maps = maps;
		this.repository = repository;
	}

	@Override
	public List<Choice> choices() {
		return maps.all().stream().map(map -> new Choice(map.key(), map.name())).toList();
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
