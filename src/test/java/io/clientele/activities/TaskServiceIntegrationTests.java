package io.clientele.activities;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RuleViolation;
import io.clientele.support.ClienteleIntegrationTest;
import io.clientele.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tasks and work items of a sales department: "My tasks" groups them by deadline, a work
 * item asks for attention until its executor opens it, the next step keeps the chain, a
 * stale edit is refused and every change is history.
 */
@ClienteleIntegrationTest
class TaskServiceIntegrationTests {

	@Autowired
	TaskService tasks;

	@Autowired
	WorkItems workItems;

	@Autowired
	MyTasks myTasks;

	@Autowired
	ClientService clients;

	@Autowired
	RecordHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	CurrentUser manager;

	CurrentUser colleague;

	CurrentUser service;

	@BeforeEach
	void setUp() {
		var users = new TestUsers(jdbc, encoder);
		long sales = users.department("Продажи", users.rootDepartment());
		manager = users.user(Role.SALES_MANAGER, sales);
		colleague = users.user(Role.SALES_MANAGER, sales);
		service = users.user(Role.SUPPORT, users.department("Сервис", users.rootDepartment()));
	}

	@Test
	void my_tasks_groups_open_tasks_by_deadline_at_a_fixed_moment() {
		// A Wednesday at 15:00 in the installation's zone: tomorrow is Thursday, this
		// week
		// runs Friday to Sunday.
		LocalDate wednesday = LocalDate.of(2026, 12, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
		Instant now = wednesday.atTime(15, 0).atZone(ZoneId.systemDefault()).toInstant();
		long yesterday = set("Вчерашнее", wednesday.minusDays(1), null);
		long pastToday = set("Сегодня в 10", wednesday, LocalTime.of(10, 0));
		long laterToday = set("Сегодня в 17", wednesday, LocalTime.of(17, 0));
		long allDayToday = set("Сегодня весь день", wednesday, null);
		long tomorrow = set("Завтра", wednesday.plusDays(1), null);
		long sunday = set("В воскресенье", wednesday.plusDays(4), null);
		long nextMonday = set("В понедельник", wednesday.plusDays(5), null);
		long whenever = set("Когда-нибудь", null, null);
		long done = set("Сделанное", wednesday, null);
		tasks.complete(done, tasks.card(done, manager).version(), "готово", 15, manager);

		MyTasksView view = myTasks.of(manager.id(), manager, now);

		assertThat(ids(view, MyTasksGroup.OVERDUE)).containsExactly(yesterday, pastToday);
		assertThat(ids(view, MyTasksGroup.TODAY)).containsExactly(allDayToday, laterToday);
		assertThat(ids(view, MyTasksGroup.TOMORROW)).containsExactly(tomorrow);
		assertThat(ids(view, MyTasksGroup.THIS_WEEK)).containsExactly(sunday);
		assertThat(ids(view, MyTasksGroup.LATER)).containsExactly(nextMonday);
		assertThat(ids(view, MyTasksGroup.NO_DEADLINE)).containsExactly(whenever);
		assertThat(view.groups()).extracting(MyTasksView.Group::count).containsExactly(2L, 2L, 1L, 1L, 1L, 1L, 0L);
		assertThat(view.open()).isEqualTo(8);
	}

	@Test
	void show_more_continues_each_group_where_it_stopped_without_repeating_or_skipping() {
		LocalDate today = myTasks.today(Instant.now());
		Instant now = today.atTime(0, 1).atZone(ZoneId.systemDefault()).toInstant();
		List<Long> later = new ArrayList<>();
		for (int i = 0; i < MyTasks.ROWS + MyTasks.MORE + 5; i++) {
			// several tasks a day, made out of order: the group runs by day, then by id
			later.add(set("Позже " + i, today.plusDays(30 + (i * 7) % 11), null));
		}
		List<Long> todays = new ArrayList<>();
		for (int i = 0; i < MyTasks.ROWS + 3; i++) {
			todays.add(set("Сегодня " + i, today, i % 4 == 0 ? null : LocalTime.of(9 + (i * 5) % 13, 0)));
		}

		MyTasksView view = myTasks.of(manager.id(), manager, now);

		assertThat(ids(view, MyTasksGroup.LATER)).hasSize(MyTasks.ROWS);
		List<Long> shown = all(view, MyTasksGroup.LATER, now);
		assertThat(shown).hasSize(later.size()).doesNotHaveDuplicates();
		assertThat(shown).containsExactlyElementsOf(jdbc.sql("""
				select id from tasks where id = any(?) order by due_on, id
				""").param(later.toArray(Long[]::new)).query(Long.class).list());
		assertThat(all(view, MyTasksGroup.TODAY, now)).containsExactlyElementsOf(jdbc.sql("""
				select id from tasks where id = any(?) order by due_at nulls first, id
				""").param(todays.toArray(Long[]::new)).query(Long.class).list());
		assertThat(view.groups().get(MyTasksGroup.TOMORROW.ordinal()).next()).isNull();
	}

	@Test
	void show_more_of_a_colleagues_tasks_is_refused_to_a_manager() {
		set("Моё", null, null);
		for (int i = 0; i <= MyTasks.ROWS; i++) {
			set("Моё " + i, null, null);
		}
		String after = myTasks.of(manager).groups().get(MyTasksGroup.NO_DEADLINE.ordinal()).next();
		assertThat(after).isNotNull();

		assertThatThrownBy(() -> myTasks.more(manager.id(), MyTasksGroup.NO_DEADLINE, after, colleague, Instant.now()))
			.isInstanceOf(RecordNotFound.class);
		assertThatThrownBy(() -> myTasks.more(null, MyTasksGroup.NO_DEADLINE, "не курсор", manager, Instant.now()))
			.isInstanceOf(RuleViolation.class);
	}

	/**
	 * The ids of a group: its first rows, then "show more" until it says there are no
	 * more.
	 */
	private List<Long> all(MyTasksView view, MyTasksGroup group, Instant now) {
		MyTasksView.Group first = view.groups().get(group.ordinal());
		List<Long> ids = new ArrayList<>(first.rows().stream().map(MyTasksRow::taskId).toList());
		String after = first.next();
		while (after != null) {
			MyTasksMore more = myTasks.more(manager.id(), group, after, manager, now);
			assertThat(more.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(MyTasks.MORE);
			more.rows().forEach(row -> ids.add(row.taskId()));
			after = more.next();
		}
		return ids;
	}

	@Test
	void a_work_item_for_a_colleague_asks_for_attention_until_the_colleague_opens_it() {
		long client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Конвейер")), manager);
		long item = tasks.create(TaskFixtures.workItem("Позвонить после выставки", colleague.id(), client), manager);

		assertThat(tasks.card(item, colleague).state()).isEqualTo(TaskState.NEW);
		assertThat(row(myTasks.of(colleague), item).attention()).isTrue();

		tasks.open(item, manager); // the author looking at it changes nothing
		assertThat(tasks.card(item, colleague).attention()).isTrue();

		TaskCard opened = tasks.open(item, colleague);
		assertThat(opened.state()).isEqualTo(TaskState.IN_PROGRESS);
		assertThat(opened.firstOpenedAt()).isNotNull();
		assertThat(row(myTasks.of(colleague), item).attention()).isFalse();
		assertThat(history.of(TaskService.RECORD_TYPE, item, null, 5)).first()
			.satisfies(entry -> assertThat(entry.changes()).contains(
					RecordChanged.FieldChange.ofKeys("task.field.state", "task.state.NEW", "task.state.IN_PROGRESS")));
	}

	@Test
	void a_task_one_sets_for_oneself_is_in_progress_at_once() {
		long task = tasks.create(TaskFixtures.task("Подготовить КП"), manager);
		assertThat(tasks.card(task, manager).state()).isEqualTo(TaskState.IN_PROGRESS);
		assertThat(tasks.card(task, manager).executorId()).isEqualTo(manager.id());
	}

	@Test
	void the_next_step_copies_the_links_for_another_executor_and_keeps_the_chain() {
		long client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Цепочка")), manager);
		long first = tasks.create(TaskFixtures.workItem("Холодный звонок", colleague.id(), client), manager);
		tasks.open(first, colleague);

		// the colleague may not see the manager's client, and still passes the work on
		assertThat(clients.visible(client, colleague)).isFalse();
		long second = workItems.next(first, new WorkItemNext(service.id(), "Подключить сервис", null,
				LocalDate.now().plusDays(2), null, null, true, "Клиент согласен"),
				tasks.card(first, colleague).version(), colleague);

		TaskCard step = tasks.card(second, service);
		assertThat(step.kind()).isEqualTo(TaskKind.WORK_ITEM);
		assertThat(step.clientId()).isEqualTo(client);
		assertThat(step.executorId()).isEqualTo(service.id());
		assertThat(step.authorId()).isEqualTo(colleague.id());
		assertThat(step.previousId()).isEqualTo(first);
		assertThat(step.chainId()).isEqualTo(first);
		assertThat(step.attention()).isTrue();
		TaskCard closed = tasks.card(first, manager);
		assertThat(closed.state()).isEqualTo(TaskState.DONE);
		assertThat(closed.result()).isEqualTo("Клиент согласен");

		long third = workItems.next(second, new WorkItemNext(manager.id(), null, null, null, null, null, false, null),
				step.version(), service);
		WorkItemChain chain = workItems.chain(third, manager);
		assertThat(chain.chainId()).isEqualTo(first);
		assertThat(chain.steps()).extracting(WorkItemChain.Step::id).containsExactly(first, second, third);
		assertThat(chain.steps()).extracting(WorkItemChain.Step::executorName)
			.containsExactly(colleague.displayName(), service.displayName(), manager.displayName());
		assertThat(chain.steps().get(2).title()).isEqualTo("Подключить сервис");
		assertThat(workItems.ofClient(client, 5, manager)).singleElement()
			.satisfies(c -> assertThat(c.steps()).hasSize(3));
	}

	@Test
	void a_plain_task_has_no_next_step() {
		long task = tasks.create(TaskFixtures.task("Просто задача"), manager);
		assertThatThrownBy(() -> workItems.next(task,
				new WorkItemNext(colleague.id(), null, null, null, null, null, false, null), 0, manager))
			.hasMessageContaining("workitem.next.not-a-work-item");
	}

	@Test
	void an_edit_based_on_an_older_version_is_refused_and_nothing_is_overwritten() {
		long task = tasks.create(TaskFixtures.task("Исходное"), manager);
		long version = tasks.card(task, manager).version();
		tasks.update(task, TaskFixtures.task("Первая правка"), version, manager);

		assertThatThrownBy(() -> tasks.update(task, TaskFixtures.task("Вторая правка"), version, colleagueOf()))
			.isInstanceOf(ConcurrentEdit.class);
		assertThat(tasks.card(task, manager).title()).isEqualTo("Первая правка");
		List<HistoryEntry> entries = history.of(TaskService.RECORD_TYPE, task, null, 5);
		assertThat(entries).extracting(HistoryEntry::action)
			.containsExactly(RecordChanged.Action.UPDATED, RecordChanged.Action.CREATED);
		assertThat(entries.get(0).changes())
			.containsExactly(RecordChanged.FieldChange.of("task.field.title", "Исходное", "Первая правка"));
	}

	@Test
	void a_deal_of_another_client_is_refused() {
		long client = clients.create(TaskFixtures.client(TestUsers.unique("ООО Первый")), manager);
		long other = clients.create(TaskFixtures.client(TestUsers.unique("ООО Второй")), manager);
		long deal = jdbc.sql("""
				insert into deals (client_id, subject, scenario_id, stage_id, mode, state, probability,
				                   responsible_id, stage_entered_at)
				select ?, 'Сделка', s.scenario_id, s.id, 'MANUAL_STAGES', 'IN_WORK', 10, ?, now()
				  from sales_stages s order by s.id limit 1 returning id
				""").params(other, manager.id()).query(Long.class).single();
		assertThatThrownBy(
				() -> tasks.create(TaskFixtures.task("Не тот клиент").withLinks(client, null, deal), manager))
			.hasMessageContaining("task.deal-of-another-client");
		long linked = tasks.create(TaskFixtures.task("По сделке").withLinks(null, null, deal), manager);
		assertThat(tasks.card(linked, manager).clientId()).isEqualTo(other);
	}

	private CurrentUser colleagueOf() {
		return manager;
	}

	private long set(String title, LocalDate day, LocalTime time) {
		return tasks.create(TaskFixtures.task(title).withDue(day, time), manager);
	}

	private static List<Long> ids(MyTasksView view, MyTasksGroup group) {
		return view.groups()
			.stream()
			.filter(g -> g.key() == group)
			.flatMap(g -> g.rows().stream())
			.map(MyTasksRow::taskId)
			.toList();
	}

	private static MyTasksRow row(MyTasksView view, long id) {
		return view.groups()
			.stream()
			.flatMap(g -> g.rows().stream())
			.filter(r -> r.taskId() != null && r.taskId() == id)
			.findFirst()
			.orElseThrow();
	}

}
