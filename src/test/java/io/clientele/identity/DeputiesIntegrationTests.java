package io.clientele.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TaskDraft;
import io.clientele.activities.TaskService;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientService;
import io.clientele.clients.Segments;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delegation while absent: a manager names a colleague as their deputy for their holiday,
 * on the deputies page or as the administrator does it for them; during the period the
 * deputy sees the absent manager's clients and gets the tasks given to them.
 */
@ClienteleIntegrationTest
class DeputiesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Deputies deputies;

	@Autowired
	AccessScopes scopes;

	@Autowired
	ClientService clients;

	@Autowired
	Segments segments;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser admin;

	CurrentUser absent;

	CurrentUser deputy;

	CurrentUser stranger;

	LocalDate today;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		long service = users.department("Сервис", users.rootDepartment());
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
		absent = users.user(Role.SALES_MANAGER, sales);
		deputy = users.user(Role.SALES_MANAGER, service);
		stranger = users.user(Role.SALES_MANAGER, sales);
		today = deputies.today();
	}

	@Test
	void a_manager_names_their_own_deputy_and_both_see_the_deputyship() throws Exception {
		mvc.perform(post("/account/deputies").with(csrf())
			.with(user(absent))
			.param("deputyId", String.valueOf(deputy.id()))
			.param("startsOn", today.toString())
			.param("endsOn", today.plusDays(13).toString()))
			.andExpect(redirectedUrl("/account/deputies"))
			.andExpect(flash().attribute("notice", "deputies.named"));

		mvc.perform(get("/account/deputies").with(user(absent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-test=\"stand-in\""),
					containsString(deputy.displayName()), containsString("data-test=\"deputyship-now\""),
					containsString("data-test=\"end-deputyship\""))));
		mvc.perform(get("/account/deputies").with(user(deputy)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-test=\"standing-for-row\""),
					containsString(absent.displayName()), not(containsString("data-test=\"end-deputyship\"")))));
	}

	@Test
	void the_page_without_deputyships_says_how_to_name_one() throws Exception {
		mvc.perform(get("/account/deputies").with(user(stranger)).header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Nobody stands in for you"),
					containsString("Going away? Choose a colleague and the days in the form"),
					containsString("You stand in for nobody."))));
	}

	@Test
	void an_administrator_names_a_deputy_for_another_user_from_the_users_page() throws Exception {
		mvc.perform(get("/admin/users/" + absent.id()).with(user(admin)))
			.andExpect(content().string(containsString("/admin/users/" + absent.id() + "/deputies")));

		mvc.perform(post("/admin/users/" + absent.id() + "/deputies").with(csrf())
			.with(user(admin))
			.param("deputyId", String.valueOf(deputy.id()))
			.param("startsOn", today.plusDays(7).toString())
			.param("endsOn", today.plusDays(20).toString()))
			.andExpect(redirectedUrl("/admin/users/" + absent.id() + "/deputies"));

		assertThat(deputies.around(absent.id())).singleElement().satisfies(named -> {
			assertThat(named.deputyId()).isEqualTo(deputy.id());
			assertThat(named.startsOn()).isEqualTo(today.plusDays(7));
			assertThat(named.underWay(today)).isFalse();
		});
		mvc.perform(get("/admin/users/" + absent.id() + "/deputies").with(user(admin)))
			.andExpect(content().string(
					allOf(containsString(deputy.displayName()), containsString("data-test=\"deputyship-planned\""))));
	}

	@Test
	void a_user_cannot_name_a_deputy_for_someone_else() throws Exception {
		assertThatThrownBy(() -> deputies.name(absent.id(), stranger.id(), today, today.plusDays(3), deputy))
			.isInstanceOf(AccessDeniedException.class);
		mvc.perform(post("/admin/users/" + absent.id() + "/deputies").with(csrf())
			.with(user(deputy))
			.param("deputyId", String.valueOf(deputy.id()))
			.param("startsOn", today.toString())
			.param("endsOn", today.plusDays(3).toString())).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/" + absent.id() + "/deputies").with(user(deputy)))
			.andExpect(status().isForbidden());
		assertThat(deputies.around(absent.id())).isEmpty();
	}

	@Test
	void a_period_that_ends_before_it_starts_is_refused_next_to_its_end() throws Exception {
		mvc.perform(post("/account/deputies").with(csrf())
			.with(user(absent))
			.header("Accept-Language", "en")
			.param("deputyId", String.valueOf(deputy.id()))
			.param("startsOn", today.plusDays(5).toString())
			.param("endsOn", today.plusDays(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-test=\"error-endsOn\""),
					containsString("its end not before its start"))));
		assertThat(deputies.around(absent.id())).isEmpty();
	}

	@Test
	void invalid_periods_and_deputies_are_refused_with_the_field_named() {
		assertThat(refusal(deputy.id(), null, today)).isEqualTo("startsOn deputy.period-invalid");
		assertThat(refusal(deputy.id(), today, null)).isEqualTo("endsOn deputy.period-invalid");
		assertThat(refusal(deputy.id(), today, today.plusYears(1).plusDays(1)))
			.isEqualTo("endsOn deputy.period-invalid");
		assertThat(refusal(deputy.id(), today.minusDays(10), today.minusDays(1)))
			.isEqualTo("endsOn deputy.period-over");
		assertThat(refusal(null, today, today.plusDays(1))).isEqualTo("deputyId deputy.invalid");
		assertThat(refusal(absent.id(), today, today.plusDays(1))).isEqualTo("deputyId deputy.invalid");
		jdbc.sql("update users set active = false where id = ?").param(stranger.id()).update();
		assertThat(refusal(stranger.id(), today, today.plusDays(1))).isEqualTo("deputyId deputy.invalid");

		deputies.name(absent.id(), deputy.id(), today.plusDays(10), today.plusDays(20), absent);
		assertThat(refusal(admin.id(), today.plusDays(20), today.plusDays(25))).isEqualTo("startsOn deputy.overlaps");
	}

	@Test
	void the_form_shows_a_missing_deputy_next_to_its_field() throws Exception {
		mvc.perform(post("/account/deputies").with(csrf())
			.with(user(absent))
			.param("deputyId", "")
			.param("startsOn", today.toString())
			.param("endsOn", today.plusDays(2).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-test=\"error-deputyId\"")));
	}

	@Test
	void deputy_sees_the_absent_managers_clients_during_the_period_and_not_after() {
		long client = clients.create(client(TestUsers.unique("ООО Отпуск"), List.of()), absent);
		assertThat(clients.visible(client, deputy)).isFalse();

		long named = deputies.name(absent.id(), deputy.id(), today, today.plusDays(7), absent);
		assertThat(clients.visible(client, deputy)).isTrue();
		assertThat(scopes.of(List.of(deputy.id())).get(deputy.id()).covers(absent.id()))
			.as("the scopes of readers of live updates widen too")
			.isTrue();

		deputies.end(named, absent);
		assertThat(clients.visible(client, deputy)).isFalse();

		jdbc.sql("insert into user_deputies (user_id, deputy_id, starts_on, ends_on) values (?, ?, ?, ?)")
			.params(absent.id(), deputy.id(), today.minusDays(14), today.minusDays(1))
			.update();
		assertThat(clients.visible(client, deputy)).as("after the period").isFalse();
		deputies.name(absent.id(), deputy.id(), today.plusDays(1), today.plusDays(7), absent);
		assertThat(clients.visible(client, deputy)).as("before the period").isFalse();
	}

	@Test
	void deputy_sees_the_clients_of_the_segments_given_to_the_absent_manager() {
		long segment = segments.create(segments.createType(TestUsers.unique("Регион")), "Дальний Восток");
		long client = clients.create(client(TestUsers.unique("ООО Восток"), List.of(segment)), stranger);
		segments.grant(absent.id(), List.of(segment));
		assertThat(clients.visible(client, absent)).isTrue();
		assertThat(clients.visible(client, deputy)).isFalse();

		deputies.name(absent.id(), deputy.id(), today, today.plusDays(7), absent);

		assertThat(clients.visible(client, deputy)).isTrue();
		assertThat(segments.grantedTo(deputy.id())).as("the deputy's own grants stay as they are").isEmpty();
	}

	@Test
	void a_task_given_to_the_absent_manager_goes_to_the_deputy() {
		deputies.name(absent.id(), deputy.id(), today, today.plusDays(7), absent);

		long given = tasks.create(TaskDraft.titled("Перезвонить клиенту").withExecutor(absent.id()), stranger);

		assertThat(tasks.card(given, stranger).executorId()).isEqualTo(deputy.id());
		long own = tasks.create(TaskDraft.titled("Своя задача"), absent);
		assertThat(tasks.card(own, absent).executorId()).as("the absent user's own notes stay theirs")
			.isEqualTo(absent.id());
	}

	@Test
	void a_planned_deputyship_is_cancelled_and_one_under_way_ends_yesterday() {
		long planned = deputies.name(absent.id(), deputy.id(), today.plusDays(30), today.plusDays(40), absent);
		long underWay = jdbc
			.sql("insert into user_deputies (user_id, deputy_id, starts_on, ends_on) values (?, ?, ?, ?) returning id")
			.params(absent.id(), deputy.id(), today.minusDays(3), today.plusDays(3))
			.query(Long.class)
			.single();

		assertThatThrownBy(() -> deputies.end(underWay, deputy)).as("the deputy does not end it")
			.isInstanceOf(RecordNotFound.class);
		deputies.end(planned, absent);
		deputies.end(underWay, admin);

		assertThat(deputies.around(absent.id())).isEmpty();
		assertThat(jdbc.sql("select ends_on from user_deputies where id = ?")
			.param(underWay)
			.query(LocalDate.class)
			.single()).isEqualTo(today.minusDays(1));
		assertThat(
				jdbc.sql("select count(*) from user_deputies where id = ?").param(planned).query(Long.class).single())
			.isZero();
	}

	private String refusal(Long deputyId, LocalDate startsOn, LocalDate endsOn) {
		try {
			deputies.name(absent.id(), deputyId, startsOn, endsOn, absent);
			return "accepted";
		}
		catch (RuleViolation violation) {
			return violation.field() + " " + violation.messageKey();
		}
	}

	private static ClientDraft client(String name, List<Long> segmentIds) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				segmentIds, null, Map.of());
	}

}
