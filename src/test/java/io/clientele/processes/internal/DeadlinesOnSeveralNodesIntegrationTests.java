package io.clientele.processes.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.clientele.clients.ClientService;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealService;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.processes.RouteMaps;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database: beside the application's engine, a second engine on the same
 * data source with the same hooks and its own job executor. When many deadlines fall due
 * at once, both executors compete for the timers and each timer fires exactly once (the
 * engine locks a job by its row), so each action goes up to the head once.
 * <p>
 * The second node keeps its own clock. Its clock reaches the deadlines first, and the
 * application's clock follows as soon as the second node has fired one timer: otherwise
 * the first node, which takes the next timer without waiting once it has one, could fire
 * all of them before the second node looks again, and the test would prove nothing about
 * two nodes.
 */
@ClienteleIntegrationTest
class DeadlinesOnSeveralNodesIntegrationTests {

	static final int DEALS = 20;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EngineHooks hooks;

	@Autowired
	NoBeansInExpressions noBeans;

	@Autowired
	ProcessEngineConfiguration engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessTaskInbox inbox;

	@Autowired
	RouteMaps maps;

	@Autowired
	SalesScenarios scenarios;

	@Autowired
	DealService deals;

	@Autowired
	ClientService clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	ProcessEngine secondNode;

	SpringProcessEngineConfiguration secondConfiguration;

	final Map<String, AtomicInteger> firedOnFirst = new ConcurrentHashMap<>();

	final Map<String, AtomicInteger> firedOnSecond = new ConcurrentHashMap<>();

	final NodeClock secondClock = new NodeClock();

	volatile @Nullable Date deadlinesPassed;

	FlowableEventListener firstCounter;

	int firstBatch;

	@BeforeEach
	void startSecondNode() {
		SpringProcessEngineConfiguration second = new SpringProcessEngineConfiguration();
		second.setEngineName("clientele-node-2");
		second.setDataSource(dataSource);
		second.setTransactionManager(transactions);
		second.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		second.setIdGenerator(new StrongUuidGenerator());
		second.setDisableIdmEngine(true);
		second.setDisableEventRegistry(true);
		second.setAsyncExecutorActivate(true);
		second.setAsyncExecutorDefaultTimerJobAcquireWaitTime(200);
		second.setAsyncExecutorMaxTimerJobsPerAcquisition(1);
		second.setClock(secondClock);
		hooks.configure(second);
		noBeans.configure(second);
		secondNode = second.buildProcessEngine();
		// Under Spring the job executor starts with the application context's lifecycle.
		second.start();
		secondConfiguration = second;
		secondNode.getRuntimeService()
			.addEventListener(counter(firedOnSecond, this::firstNodeFollows), FlowableEngineEventType.TIMER_FIRED);
		// Both nodes take one due timer at a time, so that they compete for the same
		// ones.
		AbstractAsyncExecutor first = (AbstractAsyncExecutor) ((ProcessEngineConfigurationImpl) engine)
			.getAsyncExecutor();
		firstBatch = first.getMaxTimerJobsPerAcquisition();
		first.setMaxTimerJobsPerAcquisition(1);
		firstCounter = counter(firedOnFirst, () -> {
		});
		runtime.addEventListener(firstCounter, FlowableEngineEventType.TIMER_FIRED);
	}

	@AfterEach
	void stopSecondNode() {
		engine.getClock().reset();
		((AbstractAsyncExecutor) ((ProcessEngineConfigurationImpl) engine).getAsyncExecutor())
			.setMaxTimerJobsPerAcquisition(firstBatch);
		runtime.removeEventListener(firstCounter);
		secondConfiguration.stop();
		secondNode.close();
	}

	@Test
	void deadlines_falling_due_together_fire_once_each_on_two_nodes() {
		TestUsers users = new TestUsers(jdbc, encoder);
		long sales = users.department("Sales", users.rootDepartment());
		CurrentUser head = users.user(Role.HEAD_OF_DEPARTMENT, sales);
		CurrentUser manager = users.user(Role.SALES_MANAGER, sales);
		long scenario = scenarioWithDeadline();
		List<String> actions = new ArrayList<>();
		for (int i = 0; i < DEALS; i++) {
			actions.add(inbox.ofDeal(deal(scenario, manager)).get(0).taskId());
		}

		deadlinesPassed = Date.from(Instant.now().plus(Duration.ofHours(2)));
		secondClock.setCurrentTime(deadlinesPassed);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> actions.stream().allMatch(task -> inbox.escalation(task).isPresent()));
		for (String task : actions) {
			assertThat(inbox.find(task)).hasValueSatisfying(row -> assertThat(row.assigneeId()).isEqualTo(head.id()));
		}
		int fired = actions.stream()
			.map(task -> inbox.find(task).orElseThrow().processInstanceId())
			.mapToInt(instance -> count(firedOnFirst, instance) + count(firedOnSecond, instance))
			.sum();
		assertThat(fired).as("one committed firing per deadline, on either node").isEqualTo(DEALS);
		assertThat(firedOnSecond).as("the second node took part").isNotEmpty();
	}

	private long scenarioWithDeadline() {
		String key = TestUsers.unique("two-nodes");
		maps.deploy(
				"""
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:clientele="https://clientele.io/bpmn"
						             targetNamespace="https://clientele.io/route-maps">
						  <process id="%s" isExecutable="true">
						    <startEvent id="start"/>
						    <userTask id="call" name="Позвонить клиенту" clientele:deadline="PT1H"/>
						    <endEvent id="end"/>
						    <sequenceFlow id="a" sourceRef="start" targetRef="call"/>
						    <sequenceFlow id="b" sourceRef="call" targetRef="end"/>
						  </process>
						</definitions>
						"""
					.formatted(key)
					.getBytes(StandardCharsets.UTF_8));
		long scenario = scenarios.createScenario(TestUsers.unique("Два узла"));
		scenarios.addStage(scenario, "Единственный", 10, null);
		scenarios.assignRouteMap(scenario, key);
		return scenario;
	}

	private long deal(long scenario, CurrentUser manager) {
		long client = clients.create(new io.clientele.clients.ClientDraft(io.clientele.clients.ClientKind.ORGANISATION,
				TestUsers.unique("ООО Узлы"), null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
				Map.of()), manager);
		return deals.create(new DealDraft(client, null, TestUsers.unique("Поставка"), null, null, scenario, null,
				DealMode.PROCESS_CONTROLLED, new java.math.BigDecimal("1000.00"), "RUB", null, null, null, null,
				List.of(), List.of(), List.of(), Map.of()), manager);
	}

	/** Moves the application's clock past the deadlines too, once. */
	private void firstNodeFollows() {
		Date passed = deadlinesPassed;
		if (passed != null && !passed.equals(engine.getClock().getCurrentTime())) {
			engine.getClock().setCurrentTime(passed);
		}
	}

	private static int count(Map<String, AtomicInteger> fired, String processInstance) {
		AtomicInteger count = fired.get(processInstance);
		return count == null ? 0 : count.get();
	}

	/**
	 * Counts the firings that committed, by process instance, and tells
	 * {@code afterEach}.
	 */
	private static FlowableEventListener counter(Map<String, AtomicInteger> fired, Runnable afterEach) {
		return new FlowableEventListener() {

			@Override
			public void onEvent(FlowableEvent event) {
				if (event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof Job job
						&& job.getProcessInstanceId() != null) {
					fired.computeIfAbsent(job.getProcessInstanceId(), id -> new AtomicInteger()).incrementAndGet();
					afterEach.run();
				}
			}

			@Override
			public boolean isFailOnException() {
				return false;
			}

			@Override
			public boolean isFireOnTransactionLifecycleEvent() {
				return true;
			}

			@Override
			public @Nullable String getOnTransaction() {
				return "committed";
			}

		};
	}

	/**
	 * A clock of one node only: Flowable's default clock keeps a set time in a static
	 * field, shared by every engine in the JVM.
	 */
	static final class NodeClock implements Clock {

		private volatile @Nullable Date setTime;

		@Override
		public void setCurrentTime(@Nullable Date time) {
			this.setTime = time;
		}

		@Override
		public void setCurrentCalendar(Calendar time) {
			this.setTime = time.getTime();
		}

		@Override
		public void reset() {
			this.setTime = null;
		}

		@Override
		public Date getCurrentTime() {
			Date time = this.setTime;
			return (time != null) ? time : new Date();
		}

		@Override
		public Calendar getCurrentCalendar() {
			return getCurrentCalendar(getCurrentTimeZone());
		}

		@Override
		public Calendar getCurrentCalendar(TimeZone zone) {
			Calendar calendar = Calendar.getInstance(zone);
			calendar.setTime(getCurrentTime());
			return calendar;
		}

		@Override
		public TimeZone getCurrentTimeZone() {
			return TimeZone.getDefault();
		}

	}

}
