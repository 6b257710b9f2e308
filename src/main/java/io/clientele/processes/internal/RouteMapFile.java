package io.clientele.processes.internal;

/**
 * A route map file that passed every check, ready to deploy.
 *
 * @param key the process id, which Flowable makes the definition's key
 * @param name the process's name, else its pool's, else the key
 * @param xml the file as it is deployed (UTF-8)
 * @param tasksMadeActions how many plain tasks became user tasks
 */
public record RouteMapFile(String key, String name, byte[] xml, int tasksMadeActions) {

	public String resourceName() {
		return key + ".bpmn20.xml";
	}

}
