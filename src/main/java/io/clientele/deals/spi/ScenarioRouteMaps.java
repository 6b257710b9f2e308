package io.clientele.deals.spi;

import java.util.List;

import io.clientele.deals.SalesScenario;

/**
 * The route maps a sales scenario may follow, offered by the module that runs them
 * (processes): the choices of the scenario page, and the check that a map fits the
 * scenario before it is assigned.
 */
public interface ScenarioRouteMaps {

	/** A deployed map by its key, with its latest version's name. */
	record Choice(String key, String name) {
	}

	/** Every deployed map, by key. */
	List<Choice> choices();

	/**
	 * The stages the actions of the map's latest version set that the scenario does not
	 * have (by name or position), as the map writes them; empty when every one is there.
	 */
	List<String> stagesMissingIn(String key, SalesScenario scenario);

}
