package io.clientele.processes;

import java.nio.charset.StandardCharsets;

import io.clientele.identity.internal.ApiTokens;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's route map pages and API: upload, refusal shown where the file came
 * from, versions with the processes on each, download, the editor's save; nobody else
 * gets in.
 */
@ClienteleIntegrationTest
class RouteMapPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	RouteMaps maps;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
	}

	@Test
	void an_uploaded_map_is_deployed_and_its_page_shows_which_version_each_process_runs_on() throws Exception {
		String key = TestUsers.unique("returns");
		mvc.perform(multipart("/admin/route-maps")
			.file(new MockMultipartFile("file", "returns.bpmn", "application/xml",
					RouteMapFiles.twoActions(key, "Returns", "Take back", "Refund")))
			.with(user(admin))
			.with(csrf())).andExpect(redirectedUrl("/admin/route-maps/" + key));
		String businessKey = TestUsers.unique("deal");
		runtime.startProcessInstanceByKey(key, businessKey);
		maps.deploy(RouteMapFiles.twoActions(key, "Returns", "Take back", "Refund in cash"));

		mvc.perform(get("/admin/route-maps/" + key).with(user(admin)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-version=\"2\"")))
			.andExpect(content().string(containsString("Running processes (1)")))
			.andExpect(content().string(containsString(businessKey)))
			.andExpect(content()
				.string(containsString("<td class=\"text-nowrap\" data-test=\"running-version\">v1</td>")));
		mvc.perform(get("/admin/route-maps").with(user(admin)).header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("в2 из 2")))
			.andExpect(content().string(containsString("Стандартная продажа")));
	}

	@Test
	void a_refused_upload_lists_its_problems_on_the_page_in_the_users_language() throws Exception {
		long before = repository.createDeploymentQuery().count();
		var file = new MockMultipartFile("file", "notes.xml", "application/xml",
				"<notes><note>call</note></notes>".getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/admin/route-maps").file(file)
			.with(user(admin))
			.with(csrf())
			.header("Accept-Language", "ru"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Файл не принят")))
			.andExpect(content().string(containsString("его корневой элемент notes")));
		mvc.perform(multipart("/admin/route-maps").file(file)
			.with(user(admin))
			.with(csrf())
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("its root element is notes")));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
	}

	@Test
	void the_editor_opens_a_version_and_a_refused_save_keeps_the_drawing_on_the_page() throws Exception {
		mvc.perform(get("/admin/route-maps/standard-sale/versions/1/edit").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"route-map-xml\"")))
			.andExpect(content().string(containsString("Клиент принял предложение?")))
			.andExpect(content().string(containsString("bpmn-modeler.production.min.js")));

		String drawing = """
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
				  <process id="with-script" isExecutable="true"><scriptTask id="s" name="Run a script"/></process>
				</definitions>
				""";
		mvc.perform(post("/admin/route-maps/editor").param("xml", drawing)
			.param("key", "with-script")
			.with(user(admin))
			.with(csrf())
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not supported: scriptTask «Run a script» (id s)")))
			.andExpect(content().string(containsString("&lt;scriptTask id=&quot;s&quot;")));
		assertThat(maps.exists("with-script")).isFalse();
	}

	@Test
	void a_version_downloads_as_the_deployed_bpmn_file() throws Exception {
		mvc.perform(get("/admin/route-maps/complaint-handling/versions/1/bpmn").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("complaint-handling-v1.bpmn")))
			.andExpect(content().bytes(maps.export("complaint-handling", 1)));
	}

	@Test
	void a_manager_gets_neither_the_pages_nor_the_api() throws Exception {
		mvc.perform(get("/admin/route-maps").with(user(manager))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/route-maps").header("Authorization", token(manager)))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_api_lists_uploads_and_exports_maps_and_refuses_with_problem_details() throws Exception {
		String token = token(admin);
		String key = TestUsers.unique("api-map");
		byte[] file = RouteMapFiles.twoActions(key, "By the API", "First", "Second");

		mvc.perform(post("/api/v1/route-maps").header("Authorization", token)
			.contentType(MediaType.APPLICATION_XML)
			.content(file))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/route-maps/" + key + "/versions/1/bpmn"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(get("/api/v1/route-maps").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].key", hasItem(key)))
			.andExpect(jsonPath("$[?(@.key == 'standard-sale')].name").value("Стандартная продажа"));
		mvc.perform(get("/api/v1/route-maps/" + key + "/versions/1/bpmn").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(content().bytes(file));
		mvc.perform(multipart("/api/v1/route-maps")
			.file(new MockMultipartFile("file", "x.bpmn", "application/octet-stream",
					"not xml".getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", token)
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The file was not deployed"))
			.andExpect(jsonPath("$.errors[0].code").value("routemap.problem.not-xml"))
			.andExpect(jsonPath("$.errors[0].message", startsWith("The file is not XML")));
		mvc.perform(get("/api/v1/route-maps/no-such-map").header("Authorization", token))
			.andExpect(status().isNotFound());
	}

	private String token(CurrentUser user) {
		return "Bearer " + tokens.issue(user.id(), "route maps").secret();
	}

}
