package io.clientele.processes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clientele.activities.Reminders;
import io.clientele.clients.ClientService;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealService;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.internal.ActionAttributes;
import io.clientele.processes.internal.EngineCalls;
import io.clientele.processes.internal.InstructionKeys;
import io.clientele.processes.internal.InstructionStore;
import io.clientele.processes.internal.InstructionStore.Stored;
import io.clientele.processes.internal.ProcessDeadline;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.processes.internal.RouteMapModel;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructions (поручения): an author gives one to an executor and the shipped route map
 * {@code instruction} runs its cycle, its steps reaching the executor's and the author's
 * "My tasks" like any action (decision 0016). This facade starts the process and
 * completes its steps for the person whose step it is, keeping the instruction's state
 * and history beside it in the same transaction. The author, the executor, the heads over
 * either (their department subtree) and administrators see an instruction; anyone else
 * finds nothing.
 */
@Service
public class Instructions {

	/** The key of the route map instructions follow. */
	public static final String MAP = "instruction";

	static final ZoneId ZONE = ZoneId.systemDefault();

	private static final String REMINDER = "instruction";

	private final InstructionStore store;

	private final ProcessTaskInbox inbox;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final ClientService clients;

	private final DealService deals;

	private final DealQueries dealQueries;

	private final RecordNames names;

	private final Reminders reminders;

	private final Clock clock;

	Instructions(InstructionStore store, ProcessTaskInbox inbox, RuntimeService runtime, TaskService tasks,
			RepositoryService repository, AccessScopes scopes, UserDirectory users, ClientService clients,
			DealService deals, DealQueries dealQueries, RecordNames names, Reminders reminders, Clock clock) {
		this.store = store;
		this.inbox = inbox;
		this.runtime = runtime;
		this.tasks = tasks;
		this.repository = repository;
		this.scopes = scopes;
		this.users = users;
		this.clients = clients;
		this.deals = deals;
		this.dealQueries = dealQueries;
		this.names = names;
		this.reminders = reminders;
		this.clock = clock;
	}

	/**
	 * Gives an instruction: its process starts, and its first step (accept) goes to the
	 * executor; the executor is reminded at the reminder time.
	 * @return its id
	 */
	@Transactional
	public long give(InstructionDraft draft, CurrentUser author) {
		String title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty() || title.length() > 300) {
			throw new RuleViolation("title", "instruction.title-required");
		}
		String description = draft.description() == null || draft.description().isBlank() ? null
				: draft.description().strip();
		if (description != null && description.length() > 10000) {
			throw new RuleViolation("description", "instruction.description-too-long");
		}
		long executor = Optional.ofNullable(draft.executorId())
			.flatMap(users::find)
			.filter(UserSummary::active)
			.map(UserSummary::id)
			.orElseThrow(() -> new RuleViolation("executorId", "instruction.executor-required"));
		if (draft.dueTime() != null && draft.dueOn() == null) {
			throw new RuleViolation("dueOn", "instruction.due-time-without-day");
		}
		Instant dueAt = draft.dueTime() == null ? null : draft.dueOn().atTime(draft.dueTime()).atZone(ZONE).toInstant();
		Long clientId = draft.clientId();
		if (draft.dealId() != null) {
			if (!deals.visible(draft.dealId(), author)) {
				throw new RuleViolation("dealId", "instruction.link-invalid");
			}
			Long dealClient = dealQueries.clientOf(draft.dealId()).orElse(null);
			clientId = clientId == null ? dealClient : clientId;
		}
		if (clientId != null && !clients.visible(clientId, author)) {
			throw new RuleViolation("clientId", "instruction.link-invalid");
		}
		if (draft.contactId() != null && names.contacts(List.of(draft.contactId())).isEmpty()) {
			throw new RuleViolation("contactId", "instruction.link-invalid");
		}
		if (!repositoryHasMap()) {
			throw new RuleViolation(null, "instruction.map-missing");
		}
		Instant now = clock.instant();
		long id = store.insert(title, description, author.id(), executor, draft.dueOn(), dueAt, draft.remindAt(),
				clientId, draft.contactId(), draft.dealId(), now);
		store.event(id, InstructionState.GIVEN, author.id(), null, now);
		Map<String, Object> variables = new HashMap<>();
		variables.put(ActionAttributes.AUTHOR_VARIABLE, author.id());
		variables.put(ActionAttributes.EXECUTOR_VARIABLE, executor);
		if (draft.dueOn() != null) {
			variables.putAll(new ProcessDeadline(dueAt != null ? dueAt : draft.dueOn().atStartOfDay(ZONE).toInstant(),
					dueAt == null)
				.variables());
		}
		ProcessInstance process = EngineCalls.as(author.id(),
				() -> runtime.createProcessInstanceBuilder()
					.processDefinitionKey(MAP)
					.businessKey(InstructionKeys.of(id))
					.name(title)
					.variables(variables)
					.start());
		store.started(id, process.getId());
		if (draft.remindAt() != null) {
			reminders.set(REMINDER, id, executor, draft.remindAt(), title, "/instructions/" + id);
		}
		return id;
	}

	/** The executor accepts the instruction. */
	@Transactional
	public void accept(long id, CurrentUser executor) {
		step(id, InstructionStep.ACCEPT, null, null, executor);
	}

	/** The executor reports what was done; the author is to check it. */
	@Transactional
	public void report(long id, @Nullable String text, CurrentUser executor) {
		step(id, InstructionStep.REPORT, null, required(text, "text", "instruction.report-required"), executor);
	}

	/** The author accepts the result: the instruction is done. */
	@Transactional
	public void acceptResult(long id, CurrentUser author) {
		step(id, InstructionStep.CHECK, InstructionStep.ACCEPTED, null, author);
	}

	/**
	 * The author returns it with a comment: the executor is to do it and report again.
	 */
	@Transactional
	public void returnWith(long id, @Nullable String comment, CurrentUser author) {
		step(id, InstructionStep.CHECK, InstructionStep.RETURNED,
				required(comment, "comment", "instruction.return.comment-required"), author);
	}

	/**
	 * The instruction as the reader sees it; the first look of the person whose step
	 * waits marks that step as no longer new in their "My tasks".
	 * @throws RecordNotFound when there is none or the reader may not see it
	 */
	@Transactional
	public InstructionCard card(long id, CurrentUser reader) {
		Stored instruction = visible(id, reader);
		List<InstructionStore.Event> events = store.events(id);
		Optional<ProcessTaskInbox.Row> open = inbox.ofInstruction(id).stream().findFirst();
		open.filter(row -> row.openedAt() == null && row.assigneeId() != null && row.assigneeId() == reader.id())
			.ifPresent(row -> inbox.opened(row.taskId(), clock.instant()));
		java.util.Set<Long> people = new java.util.HashSet<>(List.of(instruction.authorId(), instruction.executorId()));
		events.forEach(event -> people.add(event.byId()));
		open.map(ProcessTaskInbox.Row::assigneeId).ifPresent(people::add);
		Map<Long, String> named = users.names(people);
		InstructionStep openStep = open.flatMap(row -> InstructionStep.of(row.activityId())).orElse(null);
		Long holder = open.map(ProcessTaskInbox.Row::assigneeId).orElse(null);
		String lastReturn = instruction.state() == InstructionState.RETURNED ? events.stream()
			.filter(event -> event.kind() == InstructionState.RETURNED)
			.reduce((first, second) -> second)
			.map(InstructionStore.Event::text)
			.orElse(null) : null;
		return new InstructionCard(id, instruction.title(), instruction.description(), instruction.authorId(),
				name(named, instruction.authorId()), instruction.executorId(), name(named, instruction.executorId()),
				instruction.dueOn(), instruction.dueAt(), instruction.remindAt(), overdue(instruction),
				instruction.state(),
				link(instruction.clientId(), names::clients, clientId -> clients.visible(clientId, reader)),
				link(instruction.contactId(), names::contacts, contactId -> true),
				link(instruction.dealId(), dealQueries::subjects, dealId -> deals.visible(dealId, reader)),
				instruction.createdAt(), instruction.doneAt(), openStep,
				open.map(ProcessTaskInbox.Row::name).orElse(null), holder, holder == null ? null : name(named, holder),
				holder != null && holder == reader.id() ? openStep : null, lastReturn,
				events.stream()
					.map(event -> new InstructionCard.Event(event.kind(), event.byId(), name(named, event.byId()),
							event.text(), event.at()))
					.toList());
	}

	/** The reader's instructions, given by them or to them, newest first. */
	@Transactional(readOnly = true)
	public InstructionPage page(InstructionPage.View view, @Nullable InstructionState state, @Nullable Long after,
			int limit, CurrentUser reader) {
		int size = Math.max(1, Math.min(limit, 100));
		List<Stored> found = store.page(view, reader.id(), state, after, size + 1);
		List<Stored> rows = found.size() > size ? found.subList(0, size) : found;
		return new InstructionPage(rows(rows), found.size() > size ? rows.get(rows.size() - 1).id() : null);
	}

	/**
	 * The newest instructions about a client ({@code deal} false) or a deal that the
	 * reader may see, for the record's card.
	 */
	@Transactional(readOnly = true)
	public List<InstructionRow> about(boolean deal, long recordId, int limit, CurrentUser reader) {
		return rows(store.about(deal, recordId, scopes.of(reader.id()), limit));
	}

	private List<InstructionRow> rows(List<Stored> rows) {
		java.util.Set<Long> people = new java.util.HashSet<>();
		rows.forEach(row -> {
			people.add(row.authorId());
			people.add(row.executorId());
		});
		Map<Long, String> named = users.names(people);
		return rows.stream()
			.map(row -> new InstructionRow(row.id(), row.title(), row.state(), row.authorId(),
					name(named, row.authorId()), row.executorId(), name(named, row.executorId()), row.dueOn(),
					row.dueAt(), overdue(row), row.createdAt()))
			.toList();
	}

	private void step(long id, InstructionStep step, @Nullable String answer, @Nullable String text,
			CurrentUser actor) {
		Stored instruction = visible(id, actor);
		ProcessTaskInbox.Row open = inbox.ofInstruction(id)
			.stream()
			.filter(row -> row.activityId().equals(step.activityId()))
			.findFirst()
			.orElseThrow(() -> new RuleViolation(null, "instruction.step.not-open"));
		if (open.assigneeId() == null || open.assigneeId() != actor.id()) {
			throw new RuleViolation(null, "instruction.step.not-yours");
		}
		if (!inbox.lock(open.taskId())) {
			throw new RuleViolation(null, "instruction.step.not-open");
		}
		Task task = tasks.createTaskQuery().taskId(open.taskId()).singleResult();
		if (task == null) {
			throw new RuleViolation(null, "instruction.step.not-open");
		}
		Map<String, Object> variables = new HashMap<>();
		if (answer != null) {
			RouteMapModel.Question question = RouteMapModel.of(repository.getBpmnModel(task.getProcessDefinitionId()))
				.questionAfter(step.activityId())
				.filter(q -> q.answers().stream().anyMatch(a -> a.flowId().equals(answer)))
				.orElseThrow(() -> new RuleViolation(null, "instruction.map-missing"));
			variables.put(question.variable(), answer);
		}
		EngineCalls.as(actor.id(), () -> {
			tasks.complete(open.taskId(), String.valueOf(actor.id()), variables);
			return null;
		});
		boolean ended = inbox.ofInstruction(id).isEmpty();
		InstructionState next = ended ? InstructionState.DONE : switch (step) {
			case ACCEPT -> InstructionState.ACCEPTED;
			case REPORT -> InstructionState.REPORTED;
			case CHECK -> InstructionState.RETURNED;
		};
		Instant now = clock.instant();
		if (!store.move(id, instruction.state(), next, now)) {
			throw new RuleViolation(null, "instruction.step.not-open");
		}
		store.event(id, next, actor.id(), text, now);
		if (ended) {
			reminders.cancel(REMINDER, id);
		}
	}

	private Stored visible(long id, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		return store.find(id)
			.filter(found -> scope.covers(found.authorId()) || scope.covers(found.executorId()))
			.orElseThrow(() -> new RecordNotFound("Instruction", id));
	}

	private boolean overdue(Stored instruction) {
		if (instruction.state() == InstructionState.DONE || instruction.dueOn() == null) {
			return false;
		}
		Instant now = clock.instant();
		return instruction.dueAt() != null ? instruction.dueAt().isBefore(now)
				: instruction.dueOn().isBefore(now.atZone(ZONE).toLocalDate());
	}

	private boolean repositoryHasMap() {
		return repository.createProcessDefinitionQuery().processDefinitionKey(MAP).latestVersion().count() > 0;
	}

	private static String required(@Nullable String text, String field, String messageKey) {
		if (text == null || text.isBlank()) {
			throw new RuleViolation(field, messageKey);
		}
		String stripped = text.strip();
		if (stripped.length() > 10000) {
			throw new RuleViolation(field, "instruction.text-too-long");
		}
		return stripped;
	}

	private static String name(Map<Long, String> names, long id) {
		return names.getOrDefault(id, "#" + id);
	}

	private static InstructionCard.@Nullable Link link(@Nullable Long id,
			java.util.function.Function<List<Long>, Map<Long, String>> names,
			java.util.function.LongPredicate visible) {
		if (id == null) {
			return null;
		}
		return new InstructionCard.Link(id, names.apply(List.of(id)).getOrDefault(id, "#" + id), visible.test(id));
	}

}
