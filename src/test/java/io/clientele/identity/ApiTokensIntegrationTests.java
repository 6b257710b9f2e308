package io.clientele.identity;

import io.clientele.identity.internal.ApiTokens;
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
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClienteleIntegrationTest
class ApiTokensIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.rootDepartment());
	}

	@Test
	void a_token_made_on_the_profile_page_is_shown_once_and_answers_for_its_user() throws Exception {
		var result = mvc.perform(post("/account/tokens").with(user(manager)).with(csrf()).param("name", "Website"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		var issued = (ApiTokens.Issued) result.getFlashMap().get("issued");
		assertThat(issued.secret()).startsWith("clt_").hasSizeGreaterThan(40);

		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(manager.id()))
			.andExpect(jsonPath("$.username").value(manager.getUsername()))
			.andExpect(jsonPath("$.role").value("SALES_MANAGER"))
			.andExpect(jsonPath("$.department.name").value(manager.departmentName()));

		// The list shows the token by its name and last characters, never the secret.
		mvc.perform(get("/account/tokens").with(user(manager)))
			.andExpect(content().string(containsString("Website")))
			.andExpect(content().string(containsString(issued.secret().substring(issued.secret().length() - 4))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(issued.secret()))));
	}

	@Test
	void only_a_hash_of_the_token_is_stored() {
		var issued = tokens.issue(manager.id(), "CI");
		var stored = jdbc.sql("select token_hash from api_tokens where id = ?")
			.param(issued.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(issued.secret());
		assertThat(stored).hasSize(32);
	}

	@Test
	void a_revoked_token_is_refused_with_problem_details() throws Exception {
		var issued = tokens.issue(manager.id(), "Old script");
		tokens.revoke(manager.id(), issued.id());
		mvc.perform(
				get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()).header("Accept-Language", "en"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(containsString("revoked")));
	}

	@Test
	void the_token_of_a_deactivated_user_stops_working() throws Exception {
		var issued = tokens.issue(manager.id(), "Integration");
		jdbc.sql("update users set active = false where id = ?").param(manager.id()).update();
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void a_call_without_a_token_is_refused_in_the_callers_language() throws Exception {
		mvc.perform(get("/api/v1/me").header("Accept-Language", "ru"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("API-токен")));
	}

	@Test
	void a_user_cannot_revoke_someone_elses_token() throws Exception {
		var users = new TestUsers(jdbc, encoder);
		var other = users.user(Role.SALES_MANAGER, users.rootDepartment());
		var issued = tokens.issue(other.id(), "Theirs");
		mvc.perform(post("/account/tokens/" + issued.id() + "/revoke").with(user(manager)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
	}

	@Test
	void the_api_is_described_in_the_openapi_document() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/me'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
	}

}
