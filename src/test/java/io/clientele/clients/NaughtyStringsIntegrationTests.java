package io.clientele.clients;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every string of the Big List of Naughty Strings, in every free-text field of clients
 * and contact persons, through the API and through the forms: it is stored exactly and
 * shown escaped, or refused with a 4xx, and never answered with a 5xx.
 */
@ClienteleIntegrationTest
class NaughtyStringsIntegrationTests {

	static List<String> naughty;

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

	long organisation;

	@BeforeAll
	static void load() throws Exception {
		try (InputStream in = NaughtyStringsIntegrationTests.class.getResourceAsStream("/naughty-strings/blns.json")) {
			naughty = List.of(JsonMapper.builder().build().readValue(in, String[].class));
		}
		assertThat(naughty).hasSizeGreaterThan(500);
	}

	@BeforeEach
	void setUp() throws Exception {
		var users = new TestUsers(jdbc, encoder);
		manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		token = "Bearer " + tokens.issue(manager.id(), "naughty").secret();
		organisation = json
			.readTree(api("/api/v1/clients", Map.of("kind", "ORGANISATION", "name", "База")).getContentAsString())
			.get("id")
			.asLong();
	}

	@Test
	void every_text_field_of_a_client_through_the_api_stores_the_string_exactly_or_refuses_it() throws Exception {
		List<String> problems = new ArrayList<>();
		int stored = 0;
		for (String text : naughty) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("kind", "ORGANISATION");
			body.put("name", text);
			body.put("shortName", text);
			body.put("industry", text);
			body.put("source", text);
			body.put("notes", text);
			body.put("phones", List.of(Map.of("number", "+7 495 123-45-67", "note", text)));
			body.put("emails", List.of(Map.of("address", "a@example.ru", "note", text)));
			body.put("messengers", List.of(Map.of("kind", text, "handle", text)));
			body.put("addresses", List.of(Map.of("kind", "LEGAL", "text", text, "city", text, "postcode", "101000")));
			body.put("keyDates", List.of(Map.of("label", text, "date", "2024-01-15")));
			MockHttpServletResponse response = api("/api/v1/clients", body);
			int status = response.getStatus();
			if (status == 201) {
				stored++;
				JsonNode client = json.readTree(response.getContentAsString());
				for (String field : List.of("name", "shortName", "industry", "source", "notes")) {
					same(problems, text, "api " + field, client.get(field).asString());
				}
				same(problems, text, "api phone note", client.get("phones").get(0).get("note").asString());
				same(problems, text, "api messenger", client.get("messengers").get(0).get("handle").asString());
				same(problems, text, "api address", client.get("addresses").get(0).get("text").asString());
				same(problems, text, "api city", client.get("addresses").get(0).get("city").asString());
				same(problems, text, "api date label", client.get("keyDates").get(0).get("label").asString());
				shownEscaped(problems, text, "/clients/" + client.get("id").asLong());
			}
			else if (status / 100 != 4) {
				problems.add("api answered " + status + " for " + quoted(text));
			}

		}
		assertThat(problems).isEmpty();
		// Refused are strings that cannot be one line of text (control characters, line
		// breaks,
		// blanks) or are longer than a short field takes (a messenger's name, a city).
		assertThat(stored).isGreaterThan(naughty.size() * 7 / 10);
	}

	@Test
	void every_text_field_of_a_client_through_the_form_stores_the_string_exactly_or_refuses_it() throws Exception {
		List<String> problems = new ArrayList<>();
		int stored = 0;
		for (String text : naughty) {
			var response = mvc
				.perform(post("/clients").with(user(manager))
					.with(csrf())
					.param("kind", "ORGANISATION")
					.param("name", text)
					.param("shortName", text)
					.param("industry", text)
					.param("source", text)
					.param("notes", text)
					.param("phones[0].number", "+7 495 123-45-67")
					.param("phones[0].note", text)
					.param("addresses[0].kind", "ACTUAL")
					.param("addresses[0].text", text)
					.param("addresses[0].city", text)
					.param("responsibleId", String.valueOf(manager.id())))
				.andReturn()
				.getResponse();
			int status = response.getStatus();
			if (status == 302) {
				stored++;
				long id = Long.parseLong(response.getRedirectedUrl().replace("/clients/", ""));
				var row = jdbc
					.sql("""
							select name, short_name, industry, source, notes, phones -> 0 ->> 'note', addresses -> 0 ->> 'text',
							       city from clients where id = ?
							""")
					.param(id)
					.query((rs,
							n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
									rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8) })
					.single();
				for (String value : row) {
					same(problems, text, "form", value);
				}
			}
			else if (status / 100 != 4) {
				problems.add("form answered " + status + " for " + quoted(text));
			}
		}
		assertThat(problems).isEmpty();
		assertThat(stored).isGreaterThan(naughty.size() * 9 / 10);
	}

	@Test
	void every_text_field_of_a_contact_person_through_the_api_and_the_form_stores_the_string_exactly_or_refuses_it()
			throws Exception {
		List<String> problems = new ArrayList<>();
		for (String text : naughty) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("lastName", text);
			body.put("firstName", text);
			body.put("middleName", text);
			body.put("notes", text);
			body.put("work", List.of(Map.of("clientId", organisation, "position", text, "department", text)));
			MockHttpServletResponse response = api("/api/v1/contacts", body);
			if (response.getStatus() == 201) {
				JsonNode stored = json.readTree(response.getContentAsString());
				for (String field : List.of("lastName", "firstName", "middleName", "notes")) {
					same(problems, text, "api contact " + field, stored.get(field).asString());
				}
				same(problems, text, "api position", stored.get("work").get(0).get("position").asString());
				shownEscaped(problems, text, "/contacts/" + stored.get("id").asLong());
			}
			else if (response.getStatus() / 100 != 4) {
				problems.add("contact api answered " + response.getStatus() + " for " + quoted(text));
			}
			var form = mvc
				.perform(post("/contacts").with(user(manager))
					.with(csrf())
					.param("lastName", text)
					.param("firstName", text)
					.param("notes", text)
					.param("work[0].clientId", String.valueOf(organisation))
					.param("work[0].position", text))
				.andReturn()
				.getResponse();
			if (form.getStatus() == 302) {
				long id = Long.parseLong(form.getRedirectedUrl().replace("/contacts/", ""));
				var row = jdbc.sql("""
						select ct.last_name, ct.first_name, ct.notes, cc.position
						  from contacts ct join client_contacts cc on cc.contact_id = ct.id where ct.id = ?
						""")
					.param(id)
					.query((rs,
							n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
					.single();
				for (String value : row) {
					same(problems, text, "contact form", value);
				}
			}
			else if (form.getStatus() / 100 != 4) {
				problems.add("contact form answered " + form.getStatus() + " for " + quoted(text));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void format_checked_fields_refuse_what_they_cannot_read_without_failing() throws Exception {
		List<String> problems = new ArrayList<>();
		for (String text : naughty) {
			for (Map.Entry<String, Object> field : Map
				.<String, Object>of("website", text, "inn", text, "kpp", text, "phones",
						List.of(Map.of("number", text)), "emails", List.of(Map.of("address", text)), "bankAccounts",
						List.of(Map.of("bic", text, "account", text)))
				.entrySet()) {
				Map<String, Object> body = new LinkedHashMap<>(Map.of("kind", "ORGANISATION", "name", "Формат"));
				body.put(field.getKey(), field.getValue());
				int status = api("/api/v1/clients", body).getStatus();
				if (status != 201 && status / 100 != 4) {
					problems.add(field.getKey() + " answered " + status + " for " + quoted(text));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	private MockHttpServletResponse api(String path, Map<String, Object> body) throws Exception {
		return mvc
			.perform(post(path).header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	/** The page shows the text escaped: never as markup of its own. */
	private void shownEscaped(List<String> problems, String text, String page) throws Exception {
		if (text.isBlank()) {
			return;
		}
		String html = mvc.perform(get(page).with(user(manager))).andReturn().getResponse().getContentAsString();
		String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
		if (!html.contains(escaped)) {
			problems.add(page + " does not show " + quoted(text) + " as " + quoted(escaped));
		}
		if (!escaped.equals(text) && text.contains("<") && html.contains(text)) {
			problems.add(page + " shows " + quoted(text) + " unescaped");
		}
	}

	private static void same(List<String> problems, String expected, String where, String actual) {
		if (!expected.equals(actual)) {
			problems.add(where + " stored " + quoted(actual) + " for " + quoted(expected));
		}
	}

	private static String quoted(String text) {
		return "'" + text.codePoints()
			.mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c))
			.reduce("", String::concat) + "'";
	}

}
