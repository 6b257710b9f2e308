package io.clientele.activities;

import java.time.LocalDate;
import java.util.List;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.RecordNotFound;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two sales departments under a head of sales: a task is seen by its executor, its
 * author, those who may see its client or deal, and their heads; a manager of the other
 * department gets nothing through the pages, the API, the lists or bulk changes. The API
 * answers problem details.
 */
@ClienteleIntegrationTest
class TaskAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskBulk bulk;

	@Autowired
	MyTasks myTasks;

	@Autowired
	ClientService clients;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser headOfSales;

	CurrentUser owner;

	CurrentUser colleague;

	CurrentUser otherDepartment;

	long client;

	long task;

	String title;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		headOfSales = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		long first = users.department("Первый отдел", sales);
		long second = users.department("Второй отдел", sales);
		owner = users.user(Role.SALES_MANAGER, first);
		colleague = users.user(Role.SALES_MANAGER, first);
		otherDepartment = users.user(Role.SALES_MANAGER, second);
		client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Доступ")), owner);
		title = TestUsers.unique("Секретная задача");
		task = tasks.create(TaskFixtures.task(title).withLinks(client, null, null).withDue(LocalDate.now(), null),
				owner);
	}

	@Test
	void manager_of_another_department_cannot_open_the_task() throws Exception {
		assertThatThrownBy(() -> tasks.card(task, otherDepartment)).isInstanceOf(RecordNotFound.class);
		mvc.perform(get("/tasks/" + task).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/tasks/" + task + "/edit").with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(post("/tasks/" + task + "/complete").with(csrf()).with(user(otherDepartment)).param("version", "0"))
			.andExpect(status().isNotFound());
		assertThat(tasks.card(task, owner).state()).isEqualTo(TaskState.IN_PROGRESS);
	}

	@Test
	void the_api_answers_404_to_another_department_and_lists_nothing_of_it() throws Exception {
		String token = tokens.issue(otherDepartment.id(), "access").secret();
		mvc.perform(get("/api/v1/tasks/" + task).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/tasks").param("q", title).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(0)));
		String ownToken = tokens.issue(owner.id(), "access").secret();
		mvc.perform(get("/api/v1/tasks").param("q", title).header("Authorization", "Bearer " + ownToken))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].title").value(title))
			.andExpect(jsonPath("$.items[0].clientId").value(client));
	}

	@Test
	void the_other_department_sees_nothing_in_its_lists_and_the_head_sees_it_all() throws Exception {
		mvc.perform(get("/my-tasks").with(user(otherDepartment)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(title))));
		mvc.perform(get("/clients/" + client).with(user(otherDepartment))).andExpect(status().isNotFound());
		assertThatThrownBy(() -> myTasks.of(owner.id(), otherDepartment, java.time.Instant.now()))
			.isInstanceOf(RecordNotFound.class);
		mvc.perform(get("/my-tasks/team").with(user(otherDepartment))).andExpect(status().isNotFound());

		assertThat(tasks.card(task, headOfSales).title()).isEqualTo(title);
		mvc.perform(get("/my-tasks/team").with(user(headOfSales)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)));
		mvc.perform(get("/my-tasks/team").param("person", String.valueOf(owner.id())).with(user(headOfSales)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)));
	}

	@Test
	void whoever_may_see_the_client_sees_its_tasks() {
		long given = tasks.create(TaskFixtures.task("Для коллеги").withLinks(client, null, null), owner);
		tasks.update(given, TaskFixtures.task("Для коллеги").withLinks(client, null, null).withExecutor(colleague.id()),
				tasks.card(given, owner).version(), owner);
		// the colleague is the executor; the owner sees it as author and by the client
		assertThat(tasks.card(given, colleague).executorId()).isEqualTo(colleague.id());
		assertThat(tasks.visible(given, owner)).isTrue();
		assertThat(tasks.visible(given, otherDepartment)).isFalse();
	}

	@Test
	void bulk_changes_leave_tasks_the_user_may_not_see_alone() {
		long own = tasks.create(TaskFixtures.task("Своя"), otherDepartment);
		LocalDate day = LocalDate.now().plusDays(10);

		assertThat(bulk.reschedule(List.of(task, own), day, otherDepartment)).isEqualTo(1);
		assertThat(tasks.card(task, owner).dueOn()).isEqualTo(LocalDate.now());
		assertThat(tasks.card(own, otherDepartment).dueOn()).isEqualTo(day);

		assertThat(bulk.reassign(List.of(task, own), colleague.id(), otherDepartment)).isEqualTo(1);
		assertThat(tasks.card(task, owner).executorId()).isEqualTo(owner.id());
		TaskCard given = tasks.card(own, colleague);
		assertThat(given.executorId()).isEqualTo(colleague.id());
		assertThat(given.state()).isEqualTo(TaskState.NEW);
	}

	@Test
	void bulk_reschedule_keeps_the_time_of_day_and_bulk_reassign_refuses_an_inactive_user() {
		long timed = tasks.create(TaskFixtures.task("В 11").withDue(LocalDate.now(), java.time.LocalTime.of(11, 30)),
				owner);
		LocalDate day = LocalDate.now().plusDays(3);
		assertThat(bulk.reschedule(List.of(timed), day, owner)).isEqualTo(1);
		TaskCard moved = tasks.card(timed, owner);
		assertThat(moved.dueOn()).isEqualTo(day);
		assertThat(moved.dueTime()).isEqualTo(java.time.LocalTime.of(11, 30));

		jdbc.sql("update users set active = false where id = ?").param(colleague.id()).update();
		assertThatThrownBy(() -> bulk.reassign(List.of(timed), colleague.id(), owner))
			.hasMessageContaining("task.executor-invalid");
	}

	@Test
	void the_api_refuses_a_task_without_a_title_with_the_field_named() throws Exception {
		String token = tokens.issue(owner.id(), "access").secret();
		mvc.perform(post("/api/v1/tasks").header("Authorization", "Bearer " + token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"  \"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("Say what is to be done."));
		mvc.perform(post("/api/v1/tasks").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Срок\", \"dueOn\": \"завтра\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("dueOn"));
	}

	@Test
	void the_api_creates_completes_and_refuses_a_stale_version_with_409() throws Exception {
		String token = tokens.issue(owner.id(), "access").secret();
		String created = mvc
			.perform(post("/api/v1/tasks").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Через API\", \"kind\": \"WORK_ITEM\", \"executorId\": " + colleague.id()
						+ ", \"clientId\": " + client + ", \"dueOn\": \"2030-01-15\", \"dueTime\": \"10:30\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("NEW"))
			.andExpect(jsonPath("$.kind").value("WORK_ITEM"))
			.andExpect(jsonPath("$.dueTime").value("10:30:00"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

		mvc.perform(
				put("/api/v1/tasks/" + id).header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\": \"Правка\", \"executorId\": " + colleague.id() + ", \"clientId\": " + client
							+ ", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.clientId").value(client));
		mvc.perform(put("/api/v1/tasks/" + id).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Устаревшая правка\", \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));

		String colleagueToken = tokens.issue(colleague.id(), "access").secret();
		mvc.perform(post("/api/v1/tasks/" + id + "/next").header("Authorization", "Bearer " + colleagueToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"executorId\": " + owner.id() + ", \"completeCurrent\": true, \"result\": \"готово\", "
					+ "\"version\": 1}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.previousId").value(id))
			.andExpect(jsonPath("$.chainId").value(id))
			.andExpect(jsonPath("$.clientId").value(client));
		mvc.perform(get("/api/v1/tasks/" + id + "/chain").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.steps", hasSize(2)));
		mvc.perform(get("/api/v1/tasks").param("f.chain", String.valueOf(id))
			.param("f.state", "DONE")
			.header("Authorization", "Bearer " + token)).andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/tasks").param("overdue", "true")
			.param("f.executor", String.valueOf(owner.id()))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].title", not(org.hamcrest.Matchers.hasItem("Через API"))));
	}

}
