package io.clientele.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.internal.Task;
import io.clientele.activities.internal.TaskStore;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales conveyor: a work item's next step "based on" it, for another executor, and
 * the chain of steps on a client.
 */
@Service
public class WorkItems {

	private final TaskStore store;

	private final TaskService tasks;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkItems(TaskStore store, TaskService tasks, UserDirectory users, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.tasks = tasks;
		this.users = users;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates the next step after the work item: the same client, contact person and deal
	 * (copied as they are, so a step's executor who may not see the client still passes
	 * it on), another executor and dates; the chain is kept. The current step is
	 * completed first when asked.
	 * @param version the version of the current step the user saw
	 * @return the id of the new step
	 */
	@Transactional
	public long next(long id, WorkItemNext next, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Task current = store.visible(id, actor);
		current.checkVersion(version);
		if (current.kind() != TaskKind.WORK_ITEM) {
			throw new RuleViolation(null, "workitem.next.not-a-work-item");
		}
		String title = next.title() == null || next.title().isBlank() ? current.title() : next.title();
		TaskDraft draft = new TaskDraft(TaskKind.WORK_ITEM, title, next.description(), next.executorId(), next.dueOn(),
				next.dueTime(), next.priority(), null, null, null, null, 0);
		var data = store.checkInherited(draft, current, actor);
		if (next.completeCurrent() && current.state().open()) {
			tasks.completeLoaded(current, next.result(), null, actor, now);
		}
		Task step = store.createNext(current, data, actor.id(), now);
		events.publishEvent(new RecordChanged(TaskService.RECORD_TYPE, step.id(), RecordChanged.Action.CREATED,
				store.initialChanges(step), actor.id(), now));
		return step.id();
	}

	/**
	 * The chain the work item belongs to, first step first. Whoever may see one step sees
	 * what the chain passed through (titles, executors, dates, durations); each step
	 * opens only for those who may see it ({@code visible}).
	 */
	@Transactional(readOnly = true)
	public WorkItemChain chain(long id, CurrentUser reader) {
		Task task = store.visible(id, reader);
		return chains(List.of(task.chainId())).get(0);
	}

	/** The chains of work items on a client, the latest first; at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<WorkItemChain> ofClient(long clientId, int limit, CurrentUser reader) {
		List<Long> chainIds = jdbc.sql("""
				select coalesce(t.chain_id, t.id) as chain from tasks t
				 where t.client_id = :client and t.kind = 'WORK_ITEM' and t.deleted_at is null
				 group by 1 order by max(t.created_at) desc limit :limit
				""").param("client", clientId).param("limit", limit).query(Long.class).list();
		return chainIds.isEmpty() ? List.of() : chains(chainIds);
	}

	private List<WorkItemChain> chains(List<Long> chainIds) {
		record Row(long chain, long id, @Nullable Long previousId, String title, long executorId, TaskState state,
				Instant createdAt, @Nullable LocalDate dueOn, @Nullable Instant opened, @Nullable Instant done,
				@Nullable String result) {
		}
		Long[] ids = chainIds.toArray(Long[]::new);
		List<Row> rows = jdbc.sql("""
				select coalesce(t.chain_id, t.id), t.id, t.previous_id, t.title, t.executor_id, t.state, t.created_at,
				       t.due_on, t.first_opened_at, t.done_at, t.result
				  from tasks t
				 where (t.id = any(:chains) or t.chain_id = any(:chains)) and t.deleted_at is null
				 order by t.created_at, t.id
				""")
			.param("chains", ids)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class), rs.getString(4),
					rs.getLong(5), TaskState.valueOf(rs.getString(6)), instant(rs.getObject(7, OffsetDateTime.class)),
					rs.getObject(8, LocalDate.class), instant(rs.getObject(9, OffsetDateTime.class)),
					instant(rs.getObject(10, OffsetDateTime.class)), rs.getString(11)))
			.list();
		Set<Long> people = new HashSet<>();
		rows.forEach(row -> people.add(row.executorId()));
		Map<Long, String> names = users.names(people);
		Instant now = clock.instant();
		Map<Long, List<WorkItemChain.Step>> steps = new LinkedHashMap<>();
		chainIds.forEach(chain -> steps.put(chain, new ArrayList<>()));
		for (Row row : rows) {
			Instant end = row.done() != null ? row.done() : now;
			steps.get(row.chain())
				.add(new WorkItemChain.Step(row.id(), row.previousId(), row.title(), row.executorId(),
						names.getOrDefault(row.executorId(), "?"), row.state(), row.createdAt(), row.dueOn(),
						row.opened(), row.done(), row.result(), Duration.between(row.createdAt(), end)));
		}
		List<WorkItemChain> chains = new ArrayList<>();
		steps.forEach((chain, list) -> chains.add(new WorkItemChain(chain, list)));
		return chains;
	}

	/** The steps of a chain that the reader may open. */
	@Transactional(readOnly = true)
	public Set<Long> openable(WorkItemChain chain, CurrentUser reader) {
		Set<Long> visible = new HashSet<>();
		for (WorkItemChain.Step step : chain.steps()) {
			if (tasks.visible(step.id(), reader)) {
				visible.add(step.id());
			}
		}
		return visible;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
