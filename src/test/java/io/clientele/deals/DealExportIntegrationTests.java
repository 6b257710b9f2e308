package io.clientele.deals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.files.TabularFile;
import io.clientele.shared.files.TabularReader;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal list downloads as CSV or Excel with the reader's deals only, filtered as the
 * list is.
 */
@ClienteleIntegrationTest
class DealExportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser owner;

	CurrentUser otherDepartment;

	CurrentUser head;

	DealFixtures fixtures;

	String mine;

	String theirs;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		long north = users.department("North", sales);
		long south = users.department("South", sales);
		head = users.user(Role.HEAD_OF_DEPARTMENT, north);
		owner = users.user(Role.SALES_MANAGER, north);
		otherDepartment = users.user(Role.SALES_MANAGER, south);
		fixtures = new DealFixtures(scenarios);
		mine = TestUsers.unique("Поставка станков");
		theirs = TestUsers.unique("Ремонт склада");
		deals.create(fixtures.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Север")), owner), mine),
				owner);
		deals.create(fixtures.draft(clients.create(DealFixtures.client(TestUsers.unique("ООО Юг")), otherDepartment),
				theirs), otherDepartment);
	}

	@Test
	void the_export_holds_the_managers_deals_and_not_another_departments() throws Exception {
		String csv = csv(owner);
		assertThat(csv).contains(mine).doesNotContain(theirs);
		assertThat(csv(otherDepartment)).contains(theirs).doesNotContain(mine);
		assertThat(csv(head)).contains(mine).doesNotContain(theirs);
	}

	@TempDir
	Path directory;

	@Test
	void the_excel_export_has_the_list_columns_and_the_filtered_deals() throws Exception {
		byte[] body = mvc
			.perform(get("/deals/export").param("format", "xlsx")
				.param("f.scenario", String.valueOf(fixtures.scenario))
				.locale(java.util.Locale.forLanguageTag("ru"))
				.with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Path file = directory.resolve("deals.xlsx");
		Files.write(file, body);
		try (TabularReader reader = TabularFile.open(file, "deals.xlsx")) {
			assertThat(reader.header()).contains("Тема");
			assertThat(String.join("|", reader.next())).contains(mine);
			assertThat(reader.next()).isNull();
		}
	}

	private String csv(CurrentUser reader) throws Exception {
		return new String(mvc.perform(get("/deals/export").param("format", "csv").with(user(reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
