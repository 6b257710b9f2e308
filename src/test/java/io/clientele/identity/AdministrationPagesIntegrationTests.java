package io.clientele.identity;

import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClienteleIntegrationTest
class AdministrationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	TestUsers users;

	CurrentUser admin;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		users = new TestUsers(jdbc, encoder);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, users.rootDepartment());
	}

	@Test
	void the_administration_pages_speak_russian_and_english() throws Exception {
		mvc.perform(get("/admin/departments").with(user(admin)).header("Accept-Language", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Новое подразделение")));
		mvc.perform(get("/admin/users").with(user(admin)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("New user")))
			.andExpect(content().string(containsString(manager.getUsername())));
	}

	@Test
	void a_manager_gets_the_no_access_page_for_administration() throws Exception {
		mvc.perform(get("/admin/users").with(user(manager)).header("Accept-Language", "ru"))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/admin/departments").with(user(manager)).with(csrf()).param("name", "X").param("parentId", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void the_sidebar_offers_administration_only_to_administrators() throws Exception {
		mvc.perform(get("/").with(user(admin)).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("href=\"/admin/users\"")));
		mvc.perform(get("/").with(user(manager)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/admin/users\""))));
	}

	@Test
	void the_start_page_shows_who_is_signed_in() throws Exception {
		mvc.perform(get("/").with(user(manager)).header("Accept-Language", "ru"))
			.andExpect(content().string(containsString("Здравствуйте, " + manager.displayName())))
			.andExpect(content().string(containsString("Менеджер по продажам")))
			.andExpect(content().string(containsString(manager.departmentName())));
	}

	@Test
	void an_invalid_department_form_shows_the_reason_next_to_the_field() throws Exception {
		mvc.perform(post("/admin/departments").with(user(admin))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("name", " ")
			.param("parentId", String.valueOf(users.rootDepartment())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"error-name\">Fill this in.</div>")));
	}

	@Test
	void creating_a_user_shows_their_one_time_password_once() throws Exception {
		String username = TestUsers.unique("vera");
		var created = mvc
			.perform(post("/admin/users").with(user(admin))
				.with(csrf())
				.param("username", username)
				.param("fullName", "Вера Иванова")
				.param("email", username + "@example.com")
				.param("role", "MARKETER")
				.param("departmentId", String.valueOf(users.rootDepartment()))
				.param("version", "0"))
			.andExpect(redirectedUrlPattern("/admin/users/*"))
			.andExpect(flash().attributeExists("temporaryPassword"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(user(admin)).header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Вера Иванова")))
			.andExpect(content().string(not(containsString("One-time password"))));
	}

	@Test
	void an_invalid_user_form_names_each_wrong_field() throws Exception {
		mvc.perform(post("/admin/users").with(user(admin))
			.with(csrf())
			.header("Accept-Language", "ru")
			.param("username", "x")
			.param("fullName", "")
			.param("email", "not-an-address")
			.param("role", "MARKETER")
			.param("departmentId", String.valueOf(users.rootDepartment()))
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"error-fullName\">Заполните это поле.")))
			.andExpect(content().string(containsString("data-test=\"error-email\">Введите правильный адрес e-mail.")));
	}

	@Test
	void saving_a_user_someone_else_changed_meanwhile_is_refused_with_a_message() throws Exception {
		long version = jdbc.sql("select version from users where id = ?")
			.param(manager.id())
			.query(Long.class)
			.single();
		jdbc.sql("update users set full_name = 'Changed elsewhere', version = version + 1 where id = ?")
			.param(manager.id())
			.update();
		mvc.perform(post("/admin/users/" + manager.id()).with(user(admin))
			.with(csrf())
			.header("Accept-Language", "en")
			.param("username", manager.getUsername())
			.param("fullName", "My edit")
			.param("role", "SALES_MANAGER")
			.param("departmentId", String.valueOf(manager.departmentId()))
			.param("version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this record while you were editing it.")));
		assertThat(
				jdbc.sql("select full_name from users where id = ?").param(manager.id()).query(String.class).single())
			.isEqualTo("Changed elsewhere");
	}

	@Test
	void the_user_list_filters_and_sorts() throws Exception {
		long department = users.department("Filtered", users.rootDepartment());
		var first = users.user(Role.SUPPORT, department);
		var second = users.user(Role.SUPPORT, department);
		jdbc.sql("update users set full_name = 'Яков Борисов' where id = ?").param(first.id()).update();
		jdbc.sql("update users set full_name = 'Антон Яшин' where id = ?").param(second.id()).update();
		String page = mvc
			.perform(get("/admin/users").with(user(admin))
				.param("department", String.valueOf(department))
				.param("sort", "name")
				.param("dir", "desc"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("Яков Борисов")).isPositive().isLessThan(page.indexOf("Антон Яшин"));
		assertThat(page.split("data-test=\"user-row\"", -1)).hasSize(3); // the two,
																			// nobody else
	}

}
