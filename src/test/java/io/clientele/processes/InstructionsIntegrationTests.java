package io.clientele.processes;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksGroup;
import io.clientele.activities.MyTasksRow;
import io.clientele.activities.MyTasksView;
import io.clientele.activities.internal.ReminderFiring;
import io.clientele.identity.internal.ApiTokens;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Instructions run on the shipped route map {@code instruction}: the executor accepts and
 * reports, the author checks and accepts or returns with a comment, and the cycle
 * repeats; each step is in its person's "My tasks" with the deadline; the reminder fires
 * for the executor; only the author, the executor, the heads over them and administrators
 * see it.
 */
@ClienteleIntegrationTest
class InstructionsIntegrationTests {

	@Autowired
	Instructions instructions;

	@Autowired
	MyTasks myTasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ReminderFiring firing;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Clock clock;

	@Autowired
	io.clientele.clients.ClientService clients;

	@Autowired
	io.clientele.deals.DealService deals;

	@Autowired
	io.clientele.deals.SalesScenarios scenarios;

	CurrentUser author;

	CurrentUser executor;

	CurrentUser head;

	CurrentUser stranger;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		long other = users.department("Склад", users.rootDepartment());
		author = users.user(Role.SALES_MANAGER, sales);
		executor = users.user(Role.SALES_MANAGER, sales);
		head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		stranger = users.user(Role.SALES_MANAGER, other);
		admin = users.user(Role.ADMINISTRATOR, users.rootDepartment());
	}

	@Test
	void an_instruction_goes_round_the_return_cycle_until_its_result_is_accepted() {
		long id = give("Подготовить отчёт по отгрузкам", LocalDate.now(clock).plusDays(3), null);
		assertThat(instructions.card(id, author).state()).isEqualTo(InstructionState.GIVEN);
		assertThat(runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("instruction:" + id)
			.singleResult()
			.getProcessDefinitionKey()).isEqualTo("instruction");

		instructions.accept(id, executor);
		assertThat(instructions.card(id, executor).state()).isEqualTo(InstructionState.ACCEPTED);
		instructions.report(id, "Отчёт готов, в папке «Отгрузки»", executor);
		assertThat(instructions.card(id, author).state()).isEqualTo(InstructionState.REPORTED);
		instructions.returnWith(id, "Добавьте октябрь", author);
		InstructionCard returned = instructions.card(id, executor);
		assertThat(returned.state()).isEqualTo(InstructionState.RETURNED);
		assertThat(returned.lastReturn()).isEqualTo("Добавьте октябрь");
		assertThat(returned.readerStep()).isEqualTo(InstructionStep.REPORT);
		instructions.report(id, "Октябрь добавлен", executor);
		assertThat(instructions.card(id, author).readerStep()).isEqualTo(InstructionStep.CHECK);
		instructions.acceptResult(id, author);

		InstructionCard done = instructions.card(id, author);
		assertThat(done.state()).isEqualTo(InstructionState.DONE);
		assertThat(done.doneAt()).isNotNull();
		assertThat(done.openStep()).isNull();
		assertThat(done.history())
			.extracting(InstructionCard.Event::kind, InstructionCard.Event::byId, InstructionCard.Event::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(InstructionState.GIVEN, author.id(), null),
					org.assertj.core.groups.Tuple.tuple(InstructionState.ACCEPTED, executor.id(), null),
					org.assertj.core.groups.Tuple.tuple(InstructionState.REPORTED, executor.id(),
							"Отчёт готов, в папке «Отгрузки»"),
					org.assertj.core.groups.Tuple.tuple(InstructionState.RETURNED, author.id(), "Добавьте октябрь"),
					org.assertj.core.groups.Tuple.tuple(InstructionState.REPORTED, executor.id(), "Октябрь добавлен"),
					org.assertj.core.groups.Tuple.tuple(InstructionState.DONE, author.id(), null));
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("instruction:" + id).count())
			.isZero();
		assertThat(history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey("instruction:" + id)
			.taskDefinitionKey("report")
			.count()).isEqualTo(2);
	}

	@Test
	void returning_without_a_comment_is_refused_with_a_clear_message() throws Exception {
		long id = give("Сверить остатки", null, null);
		instructions.accept(id, executor);
		instructions.report(id, "Сверено", executor);

		RuleViolation refused = catchThrowableOfType(RuleViolation.class,
				() -> instructions.returnWith(id, "  ", author));
		assertThat(refused.messageKey()).isEqualTo("instruction.return.comment-required");
		mvc.perform(post("/instructions/" + id + "/return").param("comment", "")
			.with(user(author))
			.with(csrf())
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("Write a comment: the executor needs to know what to do again.")));
		mvc.perform(post("/api/v1/instructions/" + id + "/return")
			.header("Authorization", "Bearer " + tokens.issue(author.id(), "test").secret())
			.header("Accept-Language", "ru")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Напишите комментарий")));
		assertThat(instructions.card(id, author).state()).isEqualTo(InstructionState.REPORTED);
	}

	@Test
	void only_the_person_of_the_open_step_does_it() {
		long id = give("Позвонить поставщику", null, null);

		assertThat(catchThrowableOfType(RuleViolation.class, () -> instructions.accept(id, author)).messageKey())
			.isEqualTo("instruction.step.not-yours");
		assertThat(catchThrowableOfType(RuleViolation.class, () -> instructions.acceptResult(id, author)).messageKey())
			.isEqualTo("instruction.step.not-open");
		assertThat(instructions.card(id, author).state()).isEqualTo(InstructionState.GIVEN);
	}

	@Test
	void the_steps_are_in_my_tasks_of_their_people_with_the_deadline_and_overdue_when_it_passed() {
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		long late = give("Просроченное поручение", yesterday, null);
		LocalDate inTwoDays = LocalDate.now(clock).plusDays(2);
		long timed = give("Поручение ко времени", inTwoDays, LocalTime.of(15, 30));

		List<MyTasksRow> executorRows = rows(myTasks.of(executor), MyTasksGroup.OVERDUE);
		assertThat(executorRows).anySatisfy(row -> {
			assertThat(row.href()).isEqualTo("/instructions/" + late);
			assertThat(row.title()).isEqualTo("Принять поручение · Просроченное поручение");
			assertThat(row.dueOn()).isEqualTo(yesterday);
			assertThat(row.dueTime()).isNull();
			assertThat(row.attention()).isTrue();
		});
		assertThat(allRows(myTasks.of(executor))).anySatisfy(row -> {
			assertThat(row.href()).isEqualTo("/instructions/" + timed);
			assertThat(row.dueOn()).isEqualTo(inTwoDays);
			assertThat(row.dueTime()).isEqualTo(LocalTime.of(15, 30));
		});
		assertThat(allRows(myTasks.of(author))).noneSatisfy(row -> assertThat(row.href()).contains("/instructions/"));

		instructions.card(late, executor);
		assertThat(allRows(myTasks.of(executor)))
			.anySatisfy(row -> assertThat(row.href().equals("/instructions/" + late) && !row.attention()).isTrue());
		instructions.accept(late, executor);
		instructions.report(late, "Сделано", executor);
		assertThat(rows(myTasks.of(author), MyTasksGroup.OVERDUE)).anySatisfy(row -> {
			assertThat(row.href()).isEqualTo("/instructions/" + late);
			assertThat(row.title()).isEqualTo("Проверить результат · Просроченное поручение");
		});
		assertThat(allRows(myTasks.of(executor))).noneSatisfy(row -> assertThat(row.href()).endsWith("/" + late));
		assertThat(instructions.card(late, author).overdue()).isTrue();
	}

	@Test
	void the_reminder_fires_for_the_executor_and_leads_to_the_instruction() {
		long id = instructions.give(new InstructionDraft("Напомнить о встрече", null, executor.id(), null, null,
				clock.instant().minus(Duration.ofMinutes(1)), null, null, null), author);

		firing.fireDue();

		assertThat(jdbc.sql("select count(*) from notifications where user_id = ? and kind = 'reminder' and link = ?")
			.params(executor.id(), "/instructions/" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notifications where user_id = ? and link = ?")
			.params(author.id(), "/instructions/" + id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void the_author_the_executor_their_head_and_administrators_see_it_and_nobody_else() throws Exception {
		long id = give("Секретное поручение", null, null);

		for (CurrentUser reader : List.of(author, executor, head, admin)) {
			assertThat(instructions.card(id, reader).title()).isEqualTo("Секретное поручение");
		}
		assertThat(catchThrowableOfType(RecordNotFound.class, () -> instructions.card(id, stranger))).isNotNull();
		mvc.perform(get("/instructions/" + id).with(user(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/instructions/" + id).with(user(head)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Секретное поручение")));
		String strangerToken = "Bearer " + tokens.issue(stranger.id(), "test").secret();
		mvc.perform(get("/api/v1/instructions/" + id).header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/instructions/" + id + "/accept").header("Authorization", strangerToken))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/instructions").param("view", "RECEIVED").header("Authorization", strangerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isEmpty());
		mvc.perform(get("/instructions").param("view", "GIVEN").with(user(stranger)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Секретное поручение"))));
	}

	@Test
	void the_lists_page_by_keyset_and_filter_by_state() throws Exception {
		long first = give("Первое", null, null);
		long second = give("Второе", null, null);
		long third = give("Третье", null, null);
		instructions.accept(second, executor);

		InstructionPage page = instructions.page(InstructionPage.View.GIVEN, null, null, 2, author);
		assertThat(page.rows()).extracting(InstructionRow::id).containsExactly(third, second);
		assertThat(page.next()).isEqualTo(second);
		assertThat(instructions.page(InstructionPage.View.GIVEN, null, page.next(), 2, author).rows())
			.extracting(InstructionRow::id)
			.containsExactly(first);
		assertThat(
				instructions.page(InstructionPage.View.RECEIVED, InstructionState.ACCEPTED, null, 10, executor).rows())
			.extracting(InstructionRow::id)
			.containsExactly(second);
		assertThat(instructions.page(InstructionPage.View.RECEIVED, null, null, 10, author).rows()).isEmpty();
	}

	@Test
	void the_api_gives_an_instruction_and_runs_its_steps() throws Exception {
		String authorToken = "Bearer " + tokens.issue(author.id(), "test").secret();
		String executorToken = "Bearer " + tokens.issue(executor.id(), "test").secret();
		String created = mvc
			.perform(post("/api/v1/instructions").header("Authorization", authorToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"title": "Через API", "executorId": %d, "dueOn": "2030-01-15", "dueTime": "10:00"}
						""".formatted(executor.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("GIVEN"))
			.andExpect(jsonPath("$.openStep").value("ACCEPT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
		mvc.perform(post("/api/v1/instructions/" + id + "/accept").header("Authorization", executorToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("ACCEPTED"))
			.andExpect(jsonPath("$.readerStep").value("REPORT"));
		mvc.perform(post("/api/v1/instructions/" + id + "/report").header("Authorization", executorToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Готово\"}")).andExpect(jsonPath("$.state").value("REPORTED"));
		mvc.perform(post("/api/v1/instructions/" + id + "/accept-result").header("Authorization", authorToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.history.length()").value(4));
		mvc.perform(get("/api/docs")).andExpect(content().string(containsString("/api/v1/instructions/{id}/return")));
	}

	@Test
	void an_instruction_about_a_deal_takes_its_client_and_shows_on_both_cards() throws Exception {
		long client = clients.create(new io.clientele.clients.ClientDraft(io.clientele.clients.ClientKind.ORGANISATION,
				TestUsers.unique("ООО Поручитель"), null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
				java.util.Map.of()), author);
		long scenario = scenarios.all().get(0).id();
		long deal = deals.create(new io.clientele.deals.DealDraft(client, null, TestUsers.unique("Поставка"), null,
				null, scenario, null, io.clientele.deals.DealMode.MANUAL_STAGES, new java.math.BigDecimal("1000.00"),
				"RUB", null, null, null, null, List.of(), List.of(), List.of(), java.util.Map.of()), author);

		mvc.perform(get("/instructions/new").param("dealId", String.valueOf(deal)).with(user(author)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"clientId\" value=\"" + client + "\"")));
		long id = instructions.give(
				new InstructionDraft("Согласовать отгрузку", null, executor.id(), null, null, null, null, null, deal),
				author);

		InstructionCard card = instructions.card(id, author);
		assertThat(card.client().id()).isEqualTo(client);
		assertThat(card.deal().id()).isEqualTo(deal);
		assertThat(card.deal().visible()).isTrue();
		mvc.perform(get("/deals/" + deal).with(user(author)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Согласовать отгрузку")))
			.andExpect(content().string(containsString("/instructions/new?dealId=" + deal)));
		mvc.perform(get("/clients/" + client).with(user(author)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Согласовать отгрузку")));
		assertThat(catchThrowableOfType(RuleViolation.class,
				() -> instructions.give(
						new InstructionDraft("Чужая сделка", null, executor.id(), null, null, null, null, null, deal),
						stranger))
			.messageKey()).isEqualTo("instruction.link-invalid");
	}

	@Test
	void a_sales_scenario_cannot_follow_the_instruction_map() {
		assertThat(scenarios.routeMapChoices()).extracting(choice -> choice.key())
			.contains("standard-sale")
			.doesNotContain("instruction");
		long scenario = scenarios.createScenario(TestUsers.unique("Поручения"));
		assertThat(catchThrowableOfType(RuleViolation.class, () -> scenarios.assignRouteMap(scenario, "instruction"))
			.messageKey()).isEqualTo("scenario.route-map.unknown");
	}

	private long give(String title, LocalDate dueOn, LocalTime dueTime) {
		return instructions.give(
				new InstructionDraft(title, "Подробности", executor.id(), dueOn, dueTime, null, null, null, null),
				author);
	}

	private static List<MyTasksRow> rows(MyTasksView view, MyTasksGroup group) {
		return view.groups().stream().filter(g -> g.key() == group).flatMap(g -> g.rows().stream()).toList();
	}

	private static List<MyTasksRow> allRows(MyTasksView view) {
		return view.groups().stream().flatMap(g -> g.rows().stream()).toList();
	}

}
