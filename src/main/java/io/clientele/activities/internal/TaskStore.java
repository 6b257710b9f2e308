package io.clientele.activities.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.MyTasksChanges;
import io.clientele.activities.TaskCard;
import io.clientele.activities.TaskDraft;
import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskVisibility;
import io.clientele.clients.ClientService;
import io.clientele.clients.ClientVisibility;
import io.clientele.clients.RecordNames;
import io.clientele.clients.Segments;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealService;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Deputies;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Loads and saves tasks for the activities facades: checks a draft against the rules and
 * the user's rights, finds tasks only within a visibility, and describes changes for the
 * history.
 */
@Component
public class TaskStore {

	/** The days of deadlines, as the pages show them. */
	public static final ZoneId ZONE = ZoneId.systemDefault();

	static final int TITLE_MAX = 300;

	static final int TEXT_MAX = 5000;

	private final TaskRepository tasks;

	private final AccessScopes scopes;

	private final Segments segments;

	private final UserDirectory users;

	private final Deputies deputies;

	private final ClientService clients;

	private final DealService deals;

	private final DealQueries dealQueries;

	private final RecordNames names;

	private final MyTasksChanges myTasksChanges;

	private final Clock clock;

	TaskStore(TaskRepository tasks, AccessScopes scopes, Segments segments, UserDirectory users, Deputies deputies,
			ClientService clients, DealService deals, DealQueries dealQueries, RecordNames names,
			MyTasksChanges myTasksChanges, Clock clock) {
		this.myTasksChanges = myTasksChanges;
		this.tasks = tasks;
		this.scopes = scopes;
		this.segments = segments;
		this.users = users;
		this.deputies = deputies;
		this.clients = clients;
		this.deals = deals;
		this.dealQueries = dealQueries;
		this.names = names;
		this.clock = clock;
	}

	public TaskVisibility visibility(long userId) {
		AccessScope scope = scopes.of(userId);
		return new TaskVisibility(scope, new ClientVisibility(scope, segments.readableBy(userId)),
				new DealVisibility(scope));
	}

	/** A live task the reader may see; anything else is "not found". */
	public Task visible(long id, CurrentUser reader) {
		return tasks.findById(id)
			.filter(task -> !task.deleted())
			.filter(task -> covers(task, reader))
			.orElseThrow(() -> new RecordNotFound("Task", id));
	}

	public Task visibleInRecycleBin(long id, CurrentUser reader) {
		return tasks.findById(id)
			.filter(Task::deleted)
			.filter(task -> task.deletedAt().isAfter(clock.instant().minus(Duration.ofDays(Task.RESTORABLE_DAYS))))
			.filter(task -> covers(task, reader))
			.orElseThrow(() -> new RecordNotFound("Task", id));
	}

	public boolean covers(Task task, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		return scope.covers(task.executorId()) || scope.covers(task.authorId())
				|| (task.clientId() != null && clients.visible(task.clientId(), reader))
				|| (task.dealId() != null && deals.visible(task.dealId(), reader));
	}

	/**
	 * Checks a draft. The executor is the author by default; anyone active may be given a
	 * task (the conveyor passes work across departments); a task given to someone absent
	 * goes to their deputy. The client must be one the user may see, the contact person
	 * one of the client's, the deal one of the client's.
	 */
	public TaskData check(TaskDraft draft, @Nullable Task existing, CurrentUser actor) {
		String title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty()) {
			throw new RuleViolation("title", "task.title-required");
		}
		if (title.length() > TITLE_MAX) {
			throw new RuleViolation("title", "task.text-too-long", TITLE_MAX);
		}
		if (draft.dueTime() != null && draft.dueOn() == null) {
			throw new RuleViolation("dueOn", "task.due-time-without-day");
		}
		if (draft.spentMinutes() < 0 || draft.spentMinutes() > 1_000_000) {
			throw new RuleViolation("spentMinutes", "task.spent-invalid");
		}
		long executor = executor(draft.executorId(), existing, actor);
		Long clientId = draft.clientId();
		Long dealId = draft.dealId();
		if (dealId != null) {
			boolean dealChanged = existing == null || !dealId.equals(existing.dealId());
			if (dealChanged && !deals.visible(dealId, actor)) {
				throw new RuleViolation("dealId", "task.deal-invalid");
			}
			long dealClient = dealQueries.clientOf(dealId)
				.orElseThrow(() -> new RuleViolation("dealId", "task.deal-invalid"));
			if (clientId == null) {
				clientId = dealClient;
			}
			else if (clientId != dealClient) {
				throw new RuleViolation("dealId", "task.deal-of-another-client");
			}
		}
		if (clientId != null && (existing == null || !clientId.equals(existing.clientId()))
				&& !clients.visible(clientId, actor)) {
			throw new RuleViolation("clientId", "task.client-invalid");
		}
		Long contactId = draft.contactId();
		if (contactId != null && (clientId == null || (!names.contactsOf(clientId).containsKey(contactId)
				&& (existing == null || !contactId.equals(existing.contactId()))))) {
			throw new RuleViolation("contactId", "task.contact-invalid");
		}
		return new TaskData(title, text("description", draft.description()), executor,
				draft.priority() == null ? TaskPriority.NORMAL : draft.priority(), draft.dueOn(), draft.dueTime(), ZONE,
				draft.remindAt(), clientId, contactId, dealId, draft.spentMinutes());
	}

	/**
	 * Checks the next step of a work item: its own fields as {@link #check}, its client,
	 * contact person and deal copied from the current step as they are.
	 */
	public TaskData checkInherited(TaskDraft draft, Task current, CurrentUser actor) {
		TaskData own = check(draft.withLinks(null, null, null), null, actor);
		return new TaskData(own.title(), own.description(), own.executorId(), own.priority(), own.dueOn(),
				own.dueTime(), own.zone(), own.remindAt(), current.clientId(), current.contactId(), current.dealId(),
				own.spentMinutes());
	}

	/**
	 * Who does it: a changed executor must be active, and an absent one's deputy does it.
	 */
	public long executor(@Nullable Long requested, @Nullable Task existing, CurrentUser actor) {
		long current = existing == null ? actor.id() : existing.executorId();
		if (requested == null || requested == current) {
			return current;
		}
		if (users.find(requested).filter(UserSummary::active).isEmpty()) {
			throw new RuleViolation("executorId", "task.executor-invalid");
		}
		return deputies.deputyOf(requested, deputies.today()).orElse(requested);
	}

	public static @Nullable String text(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String checked = text.strip();
		if (checked.length() > TEXT_MAX) {
			throw new RuleViolation(field, "task.text-too-long", TEXT_MAX);
		}
		return checked;
	}

	public Task create(TaskKind kind, TaskData data, long authorId, Instant now) {
		Task task = tasks.save(Task.set(kind, data, authorId, now));
		myTasksChanges.changed(List.of(task.executorId()));
		return task;
	}

	public Task createNext(Task previous, TaskData data, long authorId, Instant now) {
		Task task = tasks.save(Task.next(previous, data, authorId, now));
		myTasksChanges.changed(List.of(task.executorId()));
		return task;
	}

	/**
	 * Writes the change now, so that a concurrent edit is refused inside the call; the
	 * executor's open pages count their tasks again when it commits.
	 */
	public Task save(Task task) {
		try {
			Task saved = tasks.saveAndFlush(task);
			myTasksChanges.changed(List.of(saved.executorId()));
			return saved;
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConcurrentEdit("Task", task.id(), task.version(), task.version() + 1);
		}
	}

	/** How a task looked before a change, for its history. */
	public record Snapshot(Map<String, TaskChanges.Value> values) {
	}

	public Snapshot snapshot(Task task) {
		Set<Long> people = new HashSet<>(List.of(task.executorId(), task.authorId()));
		return new Snapshot(TaskChanges.of(task,
				new TaskChanges.Names(users.names(people),
						task.clientId() == null ? Map.of() : names.clients(List.of(task.clientId())),
						task.contactId() == null ? Map.of() : names.contacts(List.of(task.contactId())),
						task.dealId() == null ? Map.of() : dealQueries.subjects(List.of(task.dealId()))),
				ZONE));
	}

	public List<FieldChange> changes(Snapshot before, Task after) {
		return TaskChanges.between(before.values(), snapshot(after).values());
	}

	public List<FieldChange> initialChanges(Task task) {
		return TaskChanges.between(Map.of(), snapshot(task).values());
	}

	/**
	 * Sets the data; a task given to another executor leaves the previous one's counts.
	 */
	public void update(Task task, TaskData data, Instant now) {
		long executor = task.executorId();
		task.update(data, now);
		save(task);
		myTasksChanges.changed(List.of(executor));
	}

	/**
	 * @return whether opening changed the task
	 */
	public boolean open(Task task, long readerId, Instant now) {
		if (!task.open(readerId, now)) {
			return false;
		}
		save(task);
		return true;
	}

	public void complete(Task task, @Nullable String result, @Nullable Integer spentMinutes, long actorId,
			Instant now) {
		task.complete(text("result", result), spentMinutes, actorId, now);
		save(task);
	}

	public void reopen(Task task, Instant now) {
		task.reopen(now);
		save(task);
	}

	public void reschedule(Task task, LocalDate day, Instant now) {
		task.reschedule(day, ZONE, now);
		save(task);
	}

	public void moveTo(Task task, Instant due, Instant now) {
		task.moveTo(due, ZONE, now);
		save(task);
	}

	public void reassign(Task task, long to, Instant now) {
		long executor = task.executorId();
		task.reassign(to, now);
		save(task);
		myTasksChanges.changed(List.of(executor));
	}

	public void delete(Task task, long actorId, Instant now) {
		task.moveToRecycleBin(actorId, now);
		save(task);
	}

	public void restore(Task task, Instant now) {
		task.restore(now);
		save(task);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	public TaskCard card(Task task) {
		Map<Long, String> people = users.names(new HashSet<>(List.of(task.executorId(), task.authorId())));
		return new TaskCard(task.id(), task.version(), task.kind(), task.title(), task.description(), task.executorId(),
				people.getOrDefault(task.executorId(), "?"), task.authorId(), people.getOrDefault(task.authorId(), "?"),
				task.state(), task.priority(), task.dueOn(), task.dueTime(ZONE), task.dueAt(), task.remindAt(),
				task.clientId(),
				task.clientId() == null ? null : names.clients(List.of(task.clientId())).get(task.clientId()),
				task.contactId(),
				task.contactId() == null ? null : names.contacts(List.of(task.contactId())).get(task.contactId()),
				task.dealId(),
				task.dealId() == null ? null : dealQueries.subjects(List.of(task.dealId())).get(task.dealId()),
				task.previousId(), task.chainId(), task.firstOpenedAt(), task.result(), task.spentMinutes(),
				task.doneAt(), task.createdAt(), task.updatedAt());
	}

}
