package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;

import io.clientele.shared.lists.RecordQuery;

import java.util.List;
import java.util.Map;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.shared.RecordNotFound;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two sales departments under one head of sales, each with a manager; a manager of the
 * other department sees nothing of a client that is not theirs, wherever they look.
 */
@ClienteleIntegrationTest
class ClientAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ClientService clients;

	@Autowired
	ContactService contacts;

	@Autowired
	ClientList list;

	@Autowired
	Segments segments;

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

	String name;

	long client;

	long contact;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long north = users.department("North", sales);
		long south = users.department("South", sales);
		headOfSales = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		owner = users.user(Role.SALES_MANAGER, north);
		colleague = users.user(Role.SALES_MANAGER, north);
		otherDepartment = users.user(Role.SALES_MANAGER, south);
		name = TestUsers.unique("Закрытый клиент");
		client = clients.create(ClientFixtures.organisation(name), owner);
		contact = contacts.create(new ContactDraft("Тайная", "Персона", null, null, List.of(), List.of(), List.of(),
				null, List.of(new ContactDraft.Work(client, "Директор", null, true, false, null)), Map.of()), owner);
	}

	@Test
	void a_manager_of_another_department_opening_the_clients_address_gets_404() throws Exception {
		mvc.perform(get("/clients/" + client).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/clients/" + client + "/edit").with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(get("/clients/" + client + "/history").param("before", "999999999").with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/contacts/" + contact).with(user(otherDepartment))).andExpect(status().isNotFound());
		mvc.perform(
				post("/clients/" + client + "/delete").param("version", "0").with(csrf()).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
		assertThat(clients.card(client, owner).name()).isEqualTo(name);
	}

	@Test
	void the_client_is_missing_from_the_other_managers_list_and_quick_search() throws Exception {
		mvc.perform(get("/clients").param("q", name).with(user(otherDepartment)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("data-test=\"client-row\""))));
		mvc.perform(get("/clients").param("q", name).with(user(owner)))
			.andExpect(content().string(containsString(">" + name + "</a>")));
		assertThat(names(colleague)).doesNotContain(name);
		assertThat(names(otherDepartment)).doesNotContain(name);
	}

	@Test
	void the_api_answers_404_to_another_department_and_lists_nothing_of_it() throws Exception {
		String token = tokens.issue(otherDepartment.id(), "access").secret();
		mvc.perform(get("/api/v1/clients/" + client).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/api/v1/contacts/" + contact).header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/clients").param("q", name).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/api/v1/contacts").param("q", "Тайная").header("Authorization", "Bearer " + token))
			.andExpect(jsonPath("$.rows[?(@.id == " + contact + ")]").isEmpty());
	}

	@Test
	void the_head_of_the_department_tree_sees_the_client() {
		assertThat(clients.card(client, headOfSales).name()).isEqualTo(name);
		assertThat(names(headOfSales)).contains(name);
	}

	@Test
	void a_segment_given_to_a_manager_opens_its_clients_to_them() {
		long type = segments.createType(TestUsers.unique("Регион"));
		long segment = segments.create(type, "Дальний Восток");
		var draft = ClientFixtures.organisation(name);
		clients.update(client,
				new ClientDraft(draft.kind(), name, null, null, null, null, null, null, null, null, null, null, null,
						null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
						List.of(segment), null, Map.of()),
				clients.card(client, owner).version(), owner);
		assertThatThrownBy(() -> clients.card(client, otherDepartment)).isInstanceOf(RecordNotFound.class);

		segments.grant(otherDepartment.id(), List.of(segment));

		assertThat(clients.card(client, otherDepartment).name()).isEqualTo(name);
		assertThat(names(otherDepartment)).contains(name);
	}

	@Test
	void the_recycle_bin_shows_deleted_clients_only_to_those_who_may_see_them() throws Exception {
		clients.delete(client, clients.card(client, owner).version(), owner);
		mvc.perform(get("/recycle-bin").with(user(owner))).andExpect(content().string(containsString(name)));
		mvc.perform(get("/recycle-bin").with(user(otherDepartment)))
			.andExpect(content().string(not(containsString(name))));
		mvc.perform(post("/recycle-bin/client/" + client + "/restore").with(csrf()).with(user(otherDepartment)))
			.andExpect(status().isNotFound());
	}

	private List<String> names(CurrentUser reader) {
		return list.page(new RecordQuery(name, Map.of(), List.of("name"), "name", false, null, null, null, 50), reader)
			.rows()
			.stream()
			.map(RecordListPage.Row::name)
			.toList();
	}

}
