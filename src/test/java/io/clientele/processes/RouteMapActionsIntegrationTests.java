package io.clientele.processes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a route map says in Clientele's namespace is checked on upload: who does an
 * action, the stage it sets, its checklist, how an end closes the deal; a question must
 * follow actions; its answers become conditions on the variable the completed action
 * sets, while a gateway with the author's own conditions keeps them.
 */
@ClienteleIntegrationTest
class RouteMapActionsIntegrationTests {

	@Autowired
	RouteMaps maps;

	@Autowired
	RepositoryService repository;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.flowable.engine.RuntimeService runtime;

	@Autowired
	org.flowable.engine.TaskService tasks;

	@Autowired
	io.clientele.processes.internal.ProcessTaskInbox inbox;

	@Autowired
	io.clientele.activities.MyTasks myTasks;

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

	@Test
	void an_upload_with_an_unknown_kind_of_assignee_is_refused_with_a_message() throws Exception {
		String key = TestUsers.unique("boss");
		long before = repository.createDeploymentQuery().count();
		byte[] file = map(key, "<userTask id=\"call\" name=\"Call\" clientele:assignee=\"boss\"/>", "call");

		mvc.perform(
				multipart("/admin/route-maps").file(new MockMultipartFile("file", "boss.bpmn", "application/xml", file))
					.with(user(admin))
					.with(csrf())
					.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Action call «Call»: «boss» is not an assignee.")));
		mvc.perform(
				multipart("/admin/route-maps").file(new MockMultipartFile("file", "boss.bpmn", "application/xml", file))
					.with(user(admin))
					.with(csrf())
					.header("Accept-Language", "ru"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Действие call «Call»: «boss» — не исполнитель.")));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
		assertThat(maps.exists(key)).isFalse();
	}

	@Test
	void assignees_stages_checklists_and_outcomes_are_checked() {
		String key = TestUsers.unique("checked");
		String longItem = "x".repeat(301);

		assertThat(refusal(map(key, """
				<userTask id="a" clientele:assignee="role:CEO"/>
				<userTask id="b" clientele:assignee="user:999999999" clientele:checklist="ok&#10;%s"/>
				<userTask id="c" clientele:colour="red" clientele:stage="%s"/>
				""".formatted(longItem, "s".repeat(101)), "a", "b", "c"))).containsExactly(
				"Action a: «role:CEO» is not an assignee. Write responsible, head, author, executor, user:<id> or role:<ROLE> (ADMINISTRATOR, HEAD_OF_DEPARTMENT, SALES_MANAGER, MARKETER, SUPPORT).",
				"Action b: a checklist holds at most 20 items of at most 300 characters each.",
				"c carries clientele:colour, which Clientele does not know here: an action may carry clientele:assignee, clientele:stage and clientele:checklist, an end event clientele:outcome.",
				"Action c: the stage is longer than 100 characters.");
		assertThat(refusal(map(key, "<userTask id=\"a\" clientele:assignee=\"user:999999999\"/>", "a")))
			.containsExactly(
					"No active user has the id 999999999, which an action names as its assignee (user:999999999).");
		assertThat(refusal(withOutcome(map(key, "<userTask id=\"a\"/>", "a"), "drawn"))).containsExactly(
				"End event end: «drawn» is not an outcome. Write won or lost, or nothing when the deal stays as it is.");
		assertThat(maps.exists(key)).isFalse();
	}

	@Test
	void a_question_must_follow_actions() {
		String key = TestUsers.unique("asked");
		byte[] file = ("""
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <exclusiveGateway id="which" name="Which way?"/>
				    <userTask id="left"/>
				    <userTask id="right"/>
				    <endEvent id="end"/>
				    <sequenceFlow id="f0" sourceRef="start" targetRef="which"/>
				    <sequenceFlow id="l" name="Left" sourceRef="which" targetRef="left"/>
				    <sequenceFlow id="r" name="Right" sourceRef="which" targetRef="right"/>
				    <sequenceFlow id="f1" sourceRef="left" targetRef="end"/>
				    <sequenceFlow id="f2" sourceRef="right" targetRef="end"/>
				  </process>
				</definitions>
				""".formatted(key)).getBytes(StandardCharsets.UTF_8);

		assertThat(refusal(file)).containsExactly(
				"Question which «Which way?» must come right after actions: its answer is given when the action before it is completed.");
	}

	@Test
	void the_answers_of_a_question_become_conditions_and_the_authors_own_conditions_stay() {
		String key = TestUsers.unique("answered");
		DeployedRouteMap deployed = maps.deploy(("""
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <userTask id="ask" name="Ask"/>
				    <exclusiveGateway id="agreed" name="Agreed?" default="no"/>
				    <exclusiveGateway id="big" name="Big?"/>
				    <userTask id="yes-task"/>
				    <userTask id="small"/>
				    <endEvent id="end"/>
				    <sequenceFlow id="f0" sourceRef="start" targetRef="ask"/>
				    <sequenceFlow id="f1" sourceRef="ask" targetRef="agreed"/>
				    <sequenceFlow id="yes" name="Yes" sourceRef="agreed" targetRef="yes-task"/>
				    <sequenceFlow id="no" name="No" sourceRef="agreed" targetRef="big"/>
				    <sequenceFlow id="large" sourceRef="big" targetRef="end">
				      <conditionExpression xsi:type="tFormalExpression">${amount > 1000}</conditionExpression>
				    </sequenceFlow>
				    <sequenceFlow id="other" sourceRef="big" targetRef="small">
				      <conditionExpression xsi:type="tFormalExpression">${amount &lt;= 1000}</conditionExpression>
				    </sequenceFlow>
				    <sequenceFlow id="f2" sourceRef="yes-task" targetRef="end"/>
				    <sequenceFlow id="f3" sourceRef="small" targetRef="end"/>
				  </process>
				</definitions>
				""".formatted(key)).getBytes(StandardCharsets.UTF_8));

		String exported = new String(maps.export(key, deployed.version()), StandardCharsets.UTF_8);
		assertThat(exported).contains("${answer_agreed == 'yes'}")
			.doesNotContain("answer_agreed == 'no'")
			.contains("${amount &gt; 1000}", "${amount &lt;= 1000}")
			.doesNotContain("answer_big");
		assertThat(maps.deploy(exported.getBytes(StandardCharsets.UTF_8)).newVersion())
			.as("the exported file deploys as it is")
			.isFalse();
	}

	@Test
	void a_file_without_the_schema_instance_namespace_gets_it_with_the_conditions() {
		String key = TestUsers.unique("plain");
		byte[] file = map(key, "<userTask id=\"ask\"/><exclusiveGateway id=\"q\" name=\"Q?\"/><userTask id=\"other\"/>",
				"ask", "q");
		String withBranch = new String(file, StandardCharsets.UTF_8).replace("<endEvent id=\"end\"/>",
				"<endEvent id=\"end\"/><sequenceFlow id=\"b\" name=\"B\" sourceRef=\"q\" targetRef=\"other\"/>"
						+ "<sequenceFlow id=\"b-end\" sourceRef=\"other\" targetRef=\"end\"/>");

		DeployedRouteMap deployed = maps.deploy(withBranch.getBytes(StandardCharsets.UTF_8));

		String exported = new String(maps.export(key, deployed.version()), StandardCharsets.UTF_8);
		assertThat(exported).contains("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
			.contains("${answer_q == 'b'}", "${answer_q == 'to-end'}");
		assertThat(maps.deploy(exported.getBytes(StandardCharsets.UTF_8)).newVersion()).isFalse();
	}

	@Test
	void author_and_executor_are_the_users_the_process_variables_name_also_without_a_deal() {
		String key = TestUsers.unique("errand");
		CurrentUser executor = new TestUsers(jdbc, encoder).user(Role.SALES_MANAGER, admin.departmentId());
		maps.deploy(map(key, """
				<userTask id="do" name="Do" clientele:assignee="executor"/>
				<userTask id="check" name="Check" clientele:assignee="author"/>
				""", "do", "check"));
		String process = runtime
			.startProcessInstanceByKey(key, "errand:1",
					java.util.Map.of("authorId", admin.id(), "executorId", executor.id()))
			.getId();

		org.flowable.task.api.Task task = tasks.createTaskQuery().processInstanceId(process).singleResult();
		assertThat(task.getAssignee()).isEqualTo(String.valueOf(executor.id()));
		assertThat(inbox.find(task.getId()).orElseThrow().assigneeId()).isEqualTo(executor.id());
		// no deal and no instruction: no page to open it on, so not in My tasks
		assertThat(myTasks.of(executor).groups().stream().flatMap(group -> group.rows().stream()))
			.noneSatisfy(row -> assertThat(row.title()).startsWith("Do"));
		tasks.complete(task.getId());
		assertThat(tasks.createTaskQuery().processInstanceId(process).singleResult().getAssignee())
			.isEqualTo(String.valueOf(admin.id()));
	}

	private List<String> refusal(byte[] file) {
		RouteMapRefused refused = catchThrowableOfType(RouteMapRefused.class, () -> maps.deploy(file));
		assertThat(refused).isNotNull();
		return refused.problems()
			.stream()
			.map(problem -> messages.getMessage(problem.messageKey(), problem.arguments().toArray(), Locale.ENGLISH))
			.toList();
	}

	private static byte[] withOutcome(byte[] file, String outcome) {
		return new String(file, StandardCharsets.UTF_8)
			.replace("<endEvent id=\"end\"/>", "<endEvent id=\"end\" clientele:outcome=\"" + outcome + "\"/>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A map of the actions given, one after the other from the start to the end. */
	private static byte[] map(String key, String actions, String... ids) {
		StringBuilder flows = new StringBuilder();
		String from = "start";
		for (String id : ids) {
			flows.append("<sequenceFlow id=\"to-%s\" sourceRef=\"%s\" targetRef=\"%s\"/>".formatted(id, from, id));
			from = id;
		}
		flows.append("<sequenceFlow id=\"to-end\" sourceRef=\"%s\" targetRef=\"end\"/>".formatted(from));
		return """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
				             targetNamespace="t">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    %s
				    <endEvent id="end"/>
				    %s
				  </process>
				</definitions>
				"""
			.formatted(key, actions, flows)
			.getBytes(StandardCharsets.UTF_8);
	}

}
