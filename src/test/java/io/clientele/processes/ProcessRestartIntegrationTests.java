package io.clientele.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.clientele.clients.TourFixtures;
import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.support.EmptyDatabase;
import io.clientele.support.StandaloneClientele;
import io.clientele.support.TestUsers;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route maps survive what happens to the servers running them: a Clientele stopped in the
 * middle of a deal's process goes on after a restart where the process stood, and two
 * nodes on one database completing the same action at the same moment advance the process
 * once. Each test has a database of its own and whole Clienteles started on it.
 */
class ProcessRestartIntegrationTests {

	EmptyDatabase database;

	@BeforeEach
	void emptyDatabase() throws Exception {
		database = EmptyDatabase.create("process_restart");
	}

	@AfterEach
	void dropDatabase() throws Exception {
		database.close();
	}

	record Started(CurrentUser manager, long deal) {
	}

	@Test
	void a_process_stopped_in_the_middle_goes_on_after_a_restart_where_it_stood() {
		Started started;
		String proposal;
		try (var before = start()) {
			started = openProcessDeal(before);
			ProcessTasks tasks = before.bean(ProcessTasks.class);
			tasks.complete(onlyOpenTask(before, started.deal()),
					new ProcessTaskCompletion(null, List.of(0, 1), null, null), started.manager());
			proposal = onlyOpenTask(before, started.deal());
		}

		try (var after = start()) {
			ProcessTasks tasks = after.bean(ProcessTasks.class);
			ProcessTaskCard card = tasks.card(proposal, started.manager());
			assertThat(card.name()).isEqualTo("Коммерческое предложение");
			assertThat(card.stageName()).isEqualTo("Коммерческое предложение");

			tasks.complete(proposal, new ProcessTaskCompletion("yes", List.of(0), null, null), started.manager());

			assertThat(after.bean(DealService.class).card(started.deal(), started.manager()).stageName())
				.isEqualTo("Договор");
			assertThat(after.bean(ProcessTaskInbox.class).ofDeal(started.deal())).singleElement()
				.satisfies(row -> assertThat(row.name()).isEqualTo("Оформить заказ"));
			assertThat(after.bean(DealProcesses.class).of(started.deal()).orElseThrow().steps())
				.as("the steps done before the restart are still the deal's history")
				.extracting(DealProcessView.Step::name)
				.containsSubsequence("Квалификация", "Коммерческое предложение");
		}
	}

	@Test
	void two_nodes_completing_the_same_action_at_once_advance_the_process_once() throws Exception {
		try (var one = start(); var two = start()) {
			Started started = openProcessDeal(one);
			String qualification = onlyOpenTask(one, started.deal());
			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			List<Callable<Boolean>> completions = new ArrayList<>();
			for (StandaloneClientele node : List.of(one, two)) {
				ProcessTasks tasks = node.bean(ProcessTasks.class);
				completions.add(() -> {
					ready.countDown();
					go.await();
					try {
						tasks.complete(qualification, new ProcessTaskCompletion(null, List.of(0, 1), null, null),
								started.manager());
						return true;
					}
					catch (RuleViolation | RecordNotFound refused) {
						// a clear refusal (the step was taken, or is gone), never the
						// engine's
						// own exception
						return false;
					}
				});
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Boolean>> results = new ArrayList<>();
				for (Callable<Boolean> completion : completions) {
					results.add(pool.submit(completion));
				}
				ready.await();
				go.countDown();
				long succeeded = 0;
				for (Future<Boolean> result : results) {
					succeeded += result.get() ? 1 : 0;
				}
				assertThat(succeeded).as("exactly one node completes the action").isOne();
			}
			finally {
				pool.shutdownNow();
			}

			assertThat(one.bean(ProcessTaskInbox.class).ofDeal(started.deal())).singleElement()
				.satisfies(row -> assertThat(row.name()).isEqualTo("Коммерческое предложение"));
			assertThat(two.bean(TaskService.class)
				.createTaskQuery()
				.processInstanceBusinessKey("deal:" + started.deal())
				.list()).singleElement()
				.satisfies(task -> assertThat(task.getTaskDefinitionKey()).isEqualTo("proposal"));
			assertThat(two.jdbc()
				.sql("""
						select s.name from deal_stage_visits v join sales_stages s on s.id = v.stage_id
						where v.deal_id = ? order by v.entered_at, v.id""")
				.param(started.deal())
				.query(String.class)
				.list()).as("one move on from the needs, not two")
				.endsWith("Выявление потребностей", "Коммерческое предложение")
				.doesNotHaveDuplicates();
		}
	}

	private StandaloneClientele start() {
		return StandaloneClientele.start(database.jdbcUrl(), "postgres", "");
	}

	private static Started openProcessDeal(StandaloneClientele clientele) {
		var users = new TestUsers(clientele.jdbc(), clientele.bean(PasswordEncoder.class));
		CurrentUser manager = users.user(Role.SALES_MANAGER, users.department("Sales", users.rootDepartment()));
		long client = clientele.bean(ClientService.class)
			.create(TourFixtures.named(TestUsers.unique("ООО Перезапуск")), manager);
		long scenario = clientele.bean(SalesScenarios.class)
			.all()
			.stream()
			.filter(candidate -> "standard-sale".equals(candidate.routeMapKey()))
			.findFirst()
			.orElseThrow()
			.id();
		long deal = clientele.bean(DealService.class)
			.create(new DealDraft(client, null, TestUsers.unique("Поставка"), null, null, scenario, null,
					DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("90000.00"), "RUB", null, null, null, null,
					List.of(), List.of(), List.of(), Map.of()), manager);
		return new Started(manager, deal);
	}

	private static String onlyOpenTask(StandaloneClientele clientele, long deal) {
		List<ProcessTaskInbox.Row> open = clientele.bean(ProcessTaskInbox.class).ofDeal(deal);
		assertThat(open).hasSize(1);
		return open.get(0).taskId();
	}

}
