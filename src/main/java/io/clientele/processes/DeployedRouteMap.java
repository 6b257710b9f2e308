package io.clientele.processes;

/**
 * The outcome of deploying a route map file.
 *
 * @param key the map's key (the BPMN process id); versions share it
 * @param name the map's name
 * @param version the version the file is now
 * @param newVersion false when the file was the same as the latest version, which then
 * stays as it is
 * @param tasksMadeActions how many plain BPMN tasks became CRM actions (user tasks)
 */
public record DeployedRouteMap(String key, String name, int version, boolean newVersion, int tasksMadeActions) {

}
