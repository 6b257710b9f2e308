package io.clientele.processes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Route map files are checked before anything reaches the engine: each reference model of
 * the BPMN interchange test suite either becomes a route map that runs, or is refused
 * with the unsupported elements named, and a refused file leaves no deployment behind.
 * Versions are the engine's, and running processes keep theirs.
 */
@ClienteleIntegrationTest
class RouteMapsIntegrationTests {

	static final Path MIWG = Path.of("src/test/resources/bpmn-miwg");

	/**
	 * What each reference model becomes. Accepted: the key it is deployed under (its
	 * process id; A.1.0 and A.2.0 share one, so they are versions of one map). Refused:
	 * messages the refusal must hold, in English.
	 */
	static final Map<String, Expected> EXPECTED = Map.of(
			// start, three plain tasks, end
			"A.1.0.bpmn", Expected.accepted("WFP-6-", 3),
			// exclusive gateways splitting and joining between plain tasks
			"A.2.0.bpmn", Expected.accepted("WFP-6-", 4),
			// the same with conditions and another tool's extensions and empty io
			// specification
			"A.2.1.bpmn", Expected.accepted("_To9ZoTOCEeSknpIVFCxNIQ", 4), "A.3.0.bpmn",
			Expected.refused("Not supported: subProcess «Collapsed Sub-Process» (id _1ae31d1b",
					"Not supported: boundaryEvent (messageEventDefinition) «Boundary Intermediate Event Non-Interrupting Message»",
					"Not supported: boundaryEvent (escalationEventDefinition) «Boundary Intermediate Event Interrupting Escalation»"),
			"A.4.0.bpmn",
			Expected.refused("A route map is one process, but the file holds 2: WFP-6-1, WFP-6-2.",
					"Not supported: subProcess «Expanded Sub-Process 1»",
					"Not supported: subProcess «Expanded Sub-Process 2»", "Not supported: messageFlow «Message Flow 1»",
					"Not supported: messageFlow «Message Flow 2»"),
			"A.4.1.bpmn",
			Expected.refused("A route map is one process, but the file holds 2:",
					"Not supported: subProcess «Expanded Sub-Process 1»",
					"Not supported: messageFlow «Message Flow 1»"),
			"B.1.0.bpmn",
			Expected.refused("A route map is one process, but the file holds 4:",
					"Not supported: globalTask «Global Task»",
					"Not supported: startEvent (timerEventDefinition) «Start Event Timer»",
					"Not supported: serviceTask «Service Task 3»", "Not supported: dataObject «Data Object»",
					"Not supported: endEvent (terminateEventDefinition) «End Event Terminate»",
					"Not supported: dataStoreReference «Data Store Reference»"),
			"B.2.0.bpmn",
			Expected.refused("A route map is one process, but the file holds 4:",
					"Not supported: eventBasedGateway «Event Base Gateway 3»", "Not supported: sendTask «Send Task 2»",
					"Not supported: userTask (multiInstanceLoopCharacteristics) «User Task 12 Muti-Inst. Seq.»",
					"Not supported: intermediateCatchEvent (conditionalEventDefinition) «Intermediate Event Conditional Catch»",
					"Not supported: boundaryEvent (errorEventDefinition) «Boundary Intermediate Event Interrupting Error»",
					"Not supported: boundaryEvent (timerEventDefinition → subProcess)"));

	@Autowired
	RouteMaps maps;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
	}

	static Stream<Path> referenceModels() throws IOException {
		try (Stream<Path> files = Files.list(MIWG)) {
			return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
		}
	}

	@Test
	void every_reference_model_has_an_expected_outcome() throws IOException {
		assertThat(referenceModels().map(file -> file.getFileName().toString()))
			.containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("referenceModels")
	void a_reference_model_becomes_a_running_route_map_or_is_refused_naming_its_unsupported_elements(Path file)
			throws IOException {
		Expected expected = EXPECTED.get(file.getFileName().toString());
		assertThat(expected).as("expected outcome of " + file.getFileName()).isNotNull();
		long deploymentsBefore = repository.createDeploymentQuery().count();
		long definitionsBefore = repository.createProcessDefinitionQuery().count();

		if (expected.key() != null) {
			DeployedRouteMap deployed = maps.deploy(Files.readAllBytes(file));

			assertThat(deployed.key()).isEqualTo(expected.key());
			assertThat(deployed.tasksMadeActions()).isEqualTo(expected.tasks());
			assertThat(maps.detail(expected.key()).latestVersion()).isEqualTo(deployed.version());
			String businessKey = TestUsers.unique("miwg");
			var instance = runtime.startProcessInstanceByKey(expected.key(), businessKey);
			assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count())
				.as("a plain task of the drawing waits as an action")
				.isPositive();
			runtime.deleteProcessInstance(instance.getId(), "test done");
		}
		else {
			RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class,
					() -> maps.deploy(Files.readAllBytes(file)));

			assertThat(refused).as("refusal of " + file.getFileName()).isNotNull();
			assertThat(english(refused)).allSatisfy(message -> assertThat(message).doesNotContain("Exception"))
				.satisfies(list -> assertThat(String.join("\n", list)).contains(expected.messages()));
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
			assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
		}
	}

	@Test
	void a_file_that_is_not_xml_is_refused_and_nothing_is_deployed() {
		long before = repository.createDeploymentQuery().count();

		RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class,
				() -> maps.deploy("%PDF-1.7 not a drawing".getBytes(StandardCharsets.UTF_8)));

		assertThat(english(refused)).singleElement().asString().startsWith("The file is not XML (line 1, column 1)");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void an_xml_file_that_is_not_bpmn_is_refused() {
		RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class,
				() -> maps.deploy("<invoice><total>10</total></invoice>".getBytes(StandardCharsets.UTF_8)));

		assertThat(english(refused)).containsExactly(
				"The file is XML but not BPMN 2.0: its root element is invoice, not the BPMN definitions element.");
	}

	@Test
	void a_file_against_the_bpmn_schema_is_refused_with_the_line_of_each_error() {
		String xml = """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
				  <process id="broken" isExecutable="maybe">
				    <startEvent id="start"/>
				  </process>
				</definitions>
				""";

		RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class,
				() -> maps.deploy(xml.getBytes(StandardCharsets.UTF_8)));

		assertThat(english(refused)).isNotEmpty()
			.allSatisfy(message -> assertThat(message).startsWith("Not valid BPMN 2.0 (line 2,"))
			.anySatisfy(message -> assertThat(message).contains("maybe"));
		assertThat(maps.exists("broken")).isFalse();
	}

	@Test
	void a_map_the_engine_finds_wrong_is_refused_with_the_engines_reason() {
		String key = TestUsers.unique("no-deadline");
		String xml = """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
				    <userTask id="call" name="Call the client"/>
				    <boundaryEvent id="late" name="Late" attachedToRef="call"><timerEventDefinition/></boundaryEvent>
				    <sequenceFlow id="f2" sourceRef="call" targetRef="end"/>
				    <endEvent id="end"/>
				  </process>
				</definitions>
				""".formatted(key);
		long before = repository.createDeploymentQuery().count();

		RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class,
				() -> maps.deploy(xml.getBytes(StandardCharsets.UTF_8)));

		assertThat(english(refused))
			.anySatisfy(message -> assertThat(message).startsWith("The BPMN engine refuses late «Late»"));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void a_condition_sees_the_process_variables_but_not_the_applications_beans() {
		String key = TestUsers.unique("bean-probe");
		String xml = """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="which"/>
				    <exclusiveGateway id="which" default="toOther"/>
				    <sequenceFlow id="toBean" sourceRef="which" targetRef="bean">
				      <conditionExpression xsi:type="tFormalExpression">${routeMaps != null}</conditionExpression>
				    </sequenceFlow>
				    <sequenceFlow id="toOther" sourceRef="which" targetRef="other"/>
				    <userTask id="bean" name="Reached a bean"/>
				    <userTask id="other" name="Other"/>
				    <sequenceFlow id="f2" sourceRef="bean" targetRef="end"/>
				    <sequenceFlow id="f3" sourceRef="other" targetRef="end"/>
				    <endEvent id="end"/>
				  </process>
				</definitions>
				""".formatted(key);
		maps.deploy(xml.getBytes(StandardCharsets.UTF_8));

		var withVariable = runtime.startProcessInstanceByKey(key, java.util.Map.of("routeMaps", "an answer"));
		assertThat(tasks.createTaskQuery().processInstanceId(withVariable.getId()).singleResult().getName())
			.isEqualTo("Reached a bean");

		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(key)).hasMessageContaining("routeMaps");
	}

	@Test
	void a_new_version_leaves_a_running_process_on_the_version_it_started_on() {
		String key = TestUsers.unique("delivery");
		byte[] first = RouteMapFiles.twoActions(key, "Delivery", "Pack", "Ship");
		DeployedRouteMap v1 = maps.deploy(first);
		String businessKey = TestUsers.unique("deal");
		var instance = runtime.startProcessInstanceByKey(key, businessKey);

		DeployedRouteMap v2 = maps.deploy(RouteMapFiles.twoActions(key, "Delivery", "Pack", "Ship and invoice"));

		assertThat(v1.version()).isEqualTo(1);
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.newVersion()).isTrue();
		RouteMapDetail detail = maps.detail(key);
		assertThat(detail.versions()).extracting(RouteMapVersion::version, RouteMapVersion::running)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, 0L), org.assertj.core.groups.Tuple.tuple(1, 1L));
		assertThat(detail.running()).singleElement().satisfies(process -> {
			assertThat(process.businessKey()).isEqualTo(businessKey);
			assertThat(process.version()).isEqualTo(1);
		});
		assertThat(maps.all()).filteredOn(map -> map.key().equals(key))
			.singleElement()
			.isEqualTo(new RouteMapSummary(key, "Delivery", 2, 2, 1));
		var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.complete(task.getId());
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName())
			.as("the process follows version 1")
			.isEqualTo("Ship");
		assertThat(maps.export(key, 1)).isEqualTo(first);
	}

	@Test
	void the_same_file_again_is_no_new_version() {
		String key = TestUsers.unique("same");
		byte[] file = RouteMapFiles.twoActions(key, "Same", "One", "Two");
		maps.deploy(file);

		DeployedRouteMap again = maps.deploy(file);

		assertThat(again.newVersion()).isFalse();
		assertThat(again.version()).isEqualTo(1);
		assertThat(maps.detail(key).versions()).hasSize(1);
	}

	@Test
	void a_drawing_exported_from_another_tool_is_deployed_with_its_plain_tasks_as_actions() throws IOException {
		byte[] drawing = Files.readAllBytes(MIWG.resolve("A.2.1.bpmn"));
		DeployedRouteMap deployed = maps.deploy(drawing);

		String exported = new String(maps.export(deployed.key(), deployed.version()), StandardCharsets.UTF_8);

		assertThat(exported).contains("isExecutable=\"true\"")
			.doesNotContain("<model:task ")
			.contains("<model:userTask ");
		assertThat(exported).contains("BPMNShape").contains("w4graph:graphStyle");
	}

	@Test
	void the_shipped_maps_are_deployed_at_start_up() {
		RouteMapDetail sale = maps.detail("standard-sale");
		assertThat(sale.name()).isEqualTo("Стандартная продажа");
		assertThat(maps.detail("complaint-handling").name()).isEqualTo("Обработка жалобы");

		String businessKey = TestUsers.unique("deal");
		var instance = runtime.startProcessInstanceByKey("standard-sale", businessKey);
		for (String step : List.of("Квалификация", "Коммерческое предложение")) {
			var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			assertThat(task.getName()).isEqualTo(step);
			tasks.complete(task.getId(), Map.of("answer_accepted", "no"));
		}
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName())
			.isEqualTo("Указать причину отказа и закрыть");
		runtime.deleteProcessInstance(instance.getId(), "test done");
	}

	private List<String> english(RouteMapRefused refused) {
		assertThat(refused).isNotNull();
		return refused.problems()
			.stream()
			.map(problem -> messages.getMessage(problem.messageKey(), problem.arguments().toArray(), Locale.ENGLISH))
			.toList();
	}

	record Expected(String key, int tasks, String[] messages) {

		static Expected accepted(String key, int tasks) {
			return new Expected(key, tasks, new String[0]);
		}

		static Expected refused(String... messages) {
			return new Expected(null, 0, messages);
		}

	}

}
