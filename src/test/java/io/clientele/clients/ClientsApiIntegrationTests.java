package io.clientele.clients;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ClienteleIntegrationTest
class ClientsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JsonMapper json;

	CurrentUser manager;

	String token;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		token = "Bearer " + tokens.issue(manager.id(), "api test").secret();
	}

	@Test
	void a_client_is_created_read_updated_with_its_version_and_deleted() throws Exception {
		String created = mvc
			.perform(post("/api/v1/clients").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "ORGANISATION", "name": "ООО «Апи»", "inn": "7736207543",
						 "phones": [{"number": "8 (812) 555-01-02"}], "emails": [{"address": "api@example.ru"}]}
						"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/clients/")))
			.andExpect(jsonPath("$.phones[0].number").value("+78125550102"))
			.andExpect(jsonPath("$.phones[0].display").value("+7 812 555-01-02"))
			.andExpect(jsonPath("$.responsible.id").value(manager.id()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode client = json.readTree(created);
		long id = client.get("id").asLong();
		long version = client.get("version").asLong();

		mvc.perform(put("/api/v1/clients/" + id).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "ORGANISATION", "name": "ООО «Апи-2»", "version": %d}
					""".formatted(version)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("ООО «Апи-2»"))
			.andExpect(jsonPath("$.phones").isEmpty());

		// The same old version again: someone (we) changed it since.
		mvc.perform(put("/api/v1/clients/" + id).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "ORGANISATION", "name": "Stale", "version": %d}
					""".formatted(version)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(version + 1));

		mvc.perform(delete("/api/v1/clients/" + id).param("version", String.valueOf(version + 1))
			.header("Authorization", token)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/clients/" + id).header("Authorization", token)).andExpect(status().isNotFound());
	}

	@Test
	void a_wrong_check_digit_is_answered_with_problem_details_naming_the_field() throws Exception {
		mvc.perform(post("/api/v1/clients").header("Authorization", token)
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "ORGANISATION", "name": "Ошибка", "inn": "7736207544"}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("inn"))
			.andExpect(jsonPath("$.errors[0].message").value("Неверное контрольное число ИНН."));
		mvc.perform(post("/api/v1/clients").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "ORGANISATION", "name": "Bad account",
					 "bankAccounts": [{"bic": "044525225", "account": "40702810200000012346"}]}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("bankAccounts[0].account"));
	}

	@Test
	void a_body_that_is_not_a_client_is_refused_with_400() throws Exception {
		mvc.perform(post("/api/v1/clients").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"PLANET\", \"name\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
		mvc.perform(post("/api/v1/clients").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ORGANISATION\", \"name\": \"x\", \"phones\": [null]}"))
			.andExpect(status().is4xxClientError());
	}

	@Test
	void the_list_pages_by_keyset_and_filters_by_city() throws Exception {
		String city = TestUsers.unique("Город");
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/clients").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "ORGANISATION", "name": "Город-клиент %d",
						 "addresses": [{"kind": "ACTUAL", "text": "ул. Мира, 1", "city": "%s"}]}
						""".formatted(i, city))).andExpect(status().isCreated());
		}
		String first = mvc
			.perform(get("/api/v1/clients").header("Authorization", token).param("f.city", city).param("size", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].name").value("Город-клиент 0"))
			.andExpect(jsonPath("$.total.value").value(3))
			.andExpect(jsonPath("$.total.exact").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = json.readTree(first).get("next").asString();
		mvc.perform(get("/api/v1/clients").header("Authorization", token)
			.param("f.city", city)
			.param("size", "2")
			.param("after", next))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].name").value("Город-клиент 2"))
			.andExpect(jsonPath("$.next").doesNotExist());
	}

	@Test
	void a_bad_filter_is_refused_on_its_name() throws Exception {
		mvc.perform(get("/api/v1/clients").header("Authorization", token).param("f.created.from", "yesterday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("f.created.from"));
		mvc.perform(get("/api/v1/clients").header("Authorization", token).param("after", "not-a-cursor"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void contacts_are_created_for_a_client_and_listed_by_it() throws Exception {
		long client = new TestClients(mvc, token, json).organisation("Контактная база");
		mvc.perform(post("/api/v1/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"lastName": "Орлова", "firstName": "Вера", "phones": [{"number": "+7 (921) 000-00-01"}],
					 "work": [{"clientId": %d, "position": "Закупщик", "keyPerson": true}]}
					""".formatted(client)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fullName").value("Орлова Вера"))
			.andExpect(jsonPath("$.work[0].clientId").value(client));
		mvc.perform(get("/api/v1/contacts").header("Authorization", token).param("client", String.valueOf(client)))
			.andExpect(jsonPath("$.rows", hasSize(1)))
			.andExpect(jsonPath("$.rows[0].phones[0]").value("+79210000001"));
		mvc.perform(get("/api/v1/clients/" + client).header("Authorization", token))
			.andExpect(jsonPath("$.contacts[0].fullName").value("Орлова Вера"))
			.andExpect(jsonPath("$.contacts[0].keyPerson").value(true));
	}

	@Test
	void the_client_api_is_in_the_openapi_document() throws Exception {
		String document = mvc.perform(get("/api/docs")).andReturn().getResponse().getContentAsString();
		JsonNode paths = json.readTree(document).get("paths");
		assertThat(paths.has("/api/v1/clients")).isTrue();
		assertThat(paths.get("/api/v1/clients/{id}").has("put")).isTrue();
		assertThat(paths.has("/api/v1/contacts")).isTrue();
	}

	/** Clients made through the API, for tests that need one. */
	record TestClients(MockMvc mvc, String token, JsonMapper json) {

		long organisation(String name) throws Exception {
			String body = mvc
				.perform(post("/api/v1/clients").header("Authorization", token)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"kind\": \"ORGANISATION\", \"name\": \"" + name + "\"}"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			return json.readTree(body).get("id").asLong();
		}

	}

}
