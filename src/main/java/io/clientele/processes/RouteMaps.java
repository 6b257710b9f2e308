package io.clientele.processes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.internal.RouteMapFile;
import io.clientele.processes.internal.RouteMapReader;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Route maps: BPMN files an administrator imports or draws, checked and deployed to the
 * engine. Versions are the engine's: a file with the key of a deployed map becomes its
 * next version, and processes already running stay on the version they started on. A
 * refused file leaves nothing behind.
 */
@Service
public class RouteMaps {

	/** How many running processes a map's page lists. */
	public static final int RUNNING_SHOWN = 100;

	/** The deployment category that marks route maps among the engine's deployments. */
	public static final String CATEGORY = "clientele.route-map";

	/**
	 * A BPMN id (an XML name without colons), at most what the engine's key column holds.
	 */
	private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,199}");

	private static final String BLANK = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
			             xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
			             xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
			             xmlns:clientele="https://clientele.io/bpmn"
			             id="{key}-definitions" targetNamespace="https://clientele.io/route-maps">
			  <process id="{key}" name="{name}" isExecutable="true">
			    <startEvent id="start"/>
			  </process>
			  <bpmndi:BPMNDiagram id="{key}-diagram">
			    <bpmndi:BPMNPlane id="{key}-plane" bpmnElement="{key}">
			      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
			        <dc:Bounds x="100" y="100" width="36" height="36"/>
			      </bpmndi:BPMNShape>
			    </bpmndi:BPMNPlane>
			  </bpmndi:BPMNDiagram>
			</definitions>
			""";

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final UserDirectory users;

	private final RouteMapReader reader = new RouteMapReader();

	RouteMaps(RepositoryService repository, RuntimeService runtime, UserDirectory users) {
		this.repository = repository;
		this.runtime = runtime;
		this.users = users;
	}

	/**
	 * Checks a BPMN file and deploys it as a new version of the map its process id names
	 * (the first version if there is none); the same file as the latest version changes
	 * nothing.
	 * @throws RouteMapRefused with everything wrong in the file; nothing is deployed
	 */
	@Transactional
	public DeployedRouteMap deploy(byte[] content) {
		return deploy(reader.read(content));
	}

	private DeployedRouteMap deploy(RouteMapFile file) {
		List<RouteMapProblem> unknownUsers = file.usersNamed()
			.stream()
			.filter(id -> users.find(id).filter(UserSummary::active).isEmpty())
			.map(id -> RouteMapProblem.of("routemap.problem.assignee.user-unknown", String.valueOf(id)))
			.toList();
		if (!unknownUsers.isEmpty()) {
			throw new RouteMapRefused(unknownUsers);
		}
		ProcessDefinition before = latest(file.key());
		Deployment deployment;
		try {
			deployment = repository.createDeployment()
				.name(file.key())
				.key(file.key())
				.category(CATEGORY)
				.addBytes(file.resourceName(), file.xml())
				.enableDuplicateFiltering()
				.deploy();
		}
		catch (FlowableException ex) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.engine", String.valueOf(ex.getMessage())));
		}
		ProcessDefinition deployed = repository.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.processDefinitionKey(file.key())
			.singleResult();
		if (deployed == null) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.no-process"));
		}
		boolean newVersion = before == null || !before.getDeploymentId().equals(deployment.getId());
		return new DeployedRouteMap(file.key(), file.name(), deployed.getVersion(), newVersion,
				file.tasksMadeActions());
	}

	/**
	 * The file of a new, empty map (one start event) for the editor; it is deployed only
	 * when saved.
	 * @throws RuleViolation when the key is not a valid BPMN id or is already a map's
	 */
	@Transactional(readOnly = true)
	public String blank(String key, String name) {
		if (!VALID_KEY.matcher(key).matches()) {
			throw new RuleViolation("key", "routemap.key.invalid");
		}
		if (exists(key)) {
			throw new RuleViolation("key", "routemap.key.taken", key);
		}
		String title = name.isBlank() ? key : name.strip();
		return BLANK.replace("{key}", key).replace("{name}", escape(title));
	}

	/** Whether a map with this key has been deployed. */
	@Transactional(readOnly = true)
	public boolean exists(String key) {
		return latest(key) != null;
	}

	/**
	 * Every map by key, with its latest version's name. A few queries per map: a company
	 * has tens of maps, not thousands.
	 */
	@Transactional(readOnly = true)
	public List<RouteMapSummary> all() {
		List<RouteMapSummary> maps = new ArrayList<>();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
			.latestVersion()
			.orderByProcessDefinitionKey()
			.asc()
			.list()) {
			String key = definition.getKey();
			long versions = repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
			long running = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
			maps.add(new RouteMapSummary(key, nameOf(definition), definition.getVersion(), (int) versions, running));
		}
		return maps;
	}

	/** A map with its versions and running processes. */
	@Transactional(readOnly = true)
	public RouteMapDetail detail(String key) {
		List<RouteMapVersion> versions = new ArrayList<>();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.orderByProcessDefinitionVersion()
			.desc()
			.list()) {
			Deployment deployment = repository.createDeploymentQuery()
				.deploymentId(definition.getDeploymentId())
				.singleResult();
			long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
			versions.add(new RouteMapVersion(definition.getVersion(), nameOf(definition),
					deployment.getDeploymentTime().toInstant(), running));
		}
		if (versions.isEmpty()) {
			throw new RecordNotFound("RouteMap", key);
		}
		List<RunningProcess> running = runtime.createProcessInstanceQuery()
			.processDefinitionKey(key)
			.orderByStartTime()
			.desc()
			.listPage(0, RUNNING_SHOWN)
			.stream()
			.map(instance -> new RunningProcess(instance.getId(), instance.getBusinessKey(),
					instance.getProcessDefinitionVersion(), instance.getStartTime().toInstant()))
			.toList();
		return new RouteMapDetail(key, versions.get(0).name(), versions, running);
	}

	/** The BPMN file of one version, as it was deployed. */
	@Transactional(readOnly = true)
	public byte[] export(String key, int version) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new RecordNotFound("RouteMap", key + " v" + version);
		}
		try (InputStream resource = repository.getResourceAsStream(definition.getDeploymentId(),
				definition.getResourceName())) {
			return resource.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable ProcessDefinition latest(String key) {
		return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

	private static String nameOf(ProcessDefinition definition) {
		return definition.getName() == null || definition.getName().isBlank() ? definition.getKey()
				: definition.getName();
	}

}
