package io.clientele.processes.internal;

import java.util.Set;

/**
 * A route map file that passed every check, ready to deploy.
 *
 * @param key the process id, which Flowable makes the definition's key
 * @param name the process's name, else its pool's, else the key
 * @param xml the file as it is deployed (UTF-8)
 * @param tasksMadeActions how many plain tasks became user tasks
 * @param usersNamed the ids of the users its actions name as their assignees
 */
public record RouteMapFile(String key, String name, byte[] xml, int tasksMadeActions, Set<Long> usersNamed) {

	public RouteMapFile {
		usersNamed = Set.copyOf(usersNamed);
	}

	public String resourceName() {
		return key + ".bpmn20.xml";
	}

}
