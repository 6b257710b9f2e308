package io.clientele.processes;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.clientele.deals.DealCard;
import io.clientele.deals.DealService;
import io.clientele.deals.LossReason;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.processes.internal.EngineCalls;
import io.clientele.processes.internal.ProcessTaskInbox;
import io.clientele.processes.internal.RouteMapModel;
import io.clientele.processes.internal.RouteMapModel.Action;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open actions of deals' processes: a task's page and its completion, which answers
 * the question after it and advances the process (and with it the deal). A task is seen
 * by exactly those who may see its deal; anyone else finds nothing.
 */
@Service
public class ProcessTasks {

	/** The task-local variable that keeps the answer given, for the deal's steps. */
	public static final String ANSWER = "clienteleAnswer";

	private final ProcessTaskInbox inbox;

	private final TaskService tasks;

	private final RepositoryService repository;

	private final DealService deals;

	private final SalesScenarios scenarios;

	private final UserDirectory users;

	private final Clock clock;

	ProcessTasks(ProcessTaskInbox inbox, TaskService tasks, RepositoryService repository, DealService deals,
			SalesScenarios scenarios, UserDirectory users, Clock clock) {
		this.inbox = inbox;
		this.tasks = tasks;
		this.repository = repository;
		this.deals = deals;
		this.scenarios = scenarios;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * The task as the reader sees it; the first look of its person marks it as no longer
	 * new.
	 * @throws RecordNotFound when there is no such open task or the reader may not see
	 * its deal
	 */
	@Transactional
	public ProcessTaskCard card(String taskId, CurrentUser reader) {
		Open open = open(taskId, reader);
		if (open.row().assigneeId() != null && open.row().assigneeId() == reader.id()
				&& open.row().openedAt() == null) {
			inbox.opened(taskId, clock.instant());
		}
		Action action = open.map().action(open.task().getTaskDefinitionKey()).orElseThrow();
		String activity = action.id();
		ProcessTaskCard.Question question = open.map()
			.questionAfter(activity)
			.map(q -> new ProcessTaskCard.Question(q.text(),
					q.answers()
						.stream()
						.map(answer -> new ProcessTaskCard.Answer(answer.flowId(), answer.label(), answer.losesDeal()))
						.toList(),
					q.multiple()))
			.orElse(null);
		boolean losesDeal = open.map().losesDeal(activity, null)
				|| question != null && question.answers().stream().anyMatch(ProcessTaskCard.Answer::losesDeal);
		Long assignee = open.row().assigneeId();
		Optional<ProcessTaskInbox.Escalation> escalation = inbox.escalation(taskId);
		Long escalatedFrom = escalation.map(ProcessTaskInbox.Escalation::fromId).orElse(null);
		return new ProcessTaskCard(taskId, open.row().name(), open.map().name(), open.deal().id(),
				open.deal().subject(), open.deal().clientId(), open.deal().clientName(), open.deal().stageName(),
				assignee, assignee == null ? "" : users.names(List.of(assignee)).getOrDefault(assignee, "#" + assignee),
				open.row().createdAt(), action.checklist(), question, losesDeal,
				losesDeal ? scenarios.lossReasons().stream().filter(LossReason::active).toList() : List.of(),
				mayComplete(open, reader), open.row().dueAt(),
				escalation.map(ProcessTaskInbox.Escalation::at).orElse(null), escalatedFrom == null ? null
						: users.names(List.of(escalatedFrom)).getOrDefault(escalatedFrom, "#" + escalatedFrom));
	}

	/**
	 * Completes the action: every checklist item ticked, the question answered, a loss
	 * reason given when the deal ends lost. The process goes on in this transaction, and
	 * the deal with it.
	 * @return the deal's id
	 */
	@Transactional
	public long complete(String taskId, ProcessTaskCompletion completion, CurrentUser reader) {
		Open open = open(taskId, reader);
		if (!mayComplete(open, reader)) {
			throw new RuleViolation(null, "process.task.not-yours");
		}
		if (!inbox.lock(taskId)) {
			throw new RuleViolation(null, "process.step.done-meanwhile");
		}
		Action action = open.map().action(open.task().getTaskDefinitionKey()).orElseThrow();
		if (!IntStream.range(0, action.checklist().size()).allMatch(completion.ticked()::contains)) {
			throw new RuleViolation("ticked", "process.task.checklist-incomplete");
		}
		Map<String, Object> variables = new HashMap<>();
		Map<String, Object> local = new HashMap<>();
		Optional<RouteMapModel.Question> question = open.map().questionAfter(action.id());
		if (question.isPresent() && question.get().multiple()) {
			List<RouteMapModel.Answer> chosen = question.get()
				.answers()
				.stream()
				.filter(candidate -> completion.chosen().contains(candidate.flowId()))
				.toList();
			if (chosen.isEmpty()) {
				throw new RuleViolation("chosen", "process.task.choice-required");
			}
			question.get()
				.answers()
				.forEach(answer -> variables.put(question.get().variable(answer), chosen.contains(answer)));
			local.put(ANSWER, String.join(", ", chosen.stream().map(RouteMapModel.Answer::label).toList()));
		}
		else if (question.isPresent()) {
			RouteMapModel.Answer answer = question.get()
				.answers()
				.stream()
				.filter(candidate -> candidate.flowId().equals(completion.answer()))
				.findFirst()
				.orElseThrow(() -> new RuleViolation("answer", "process.task.answer-required"));
			variables.put(question.get().variable(), answer.flowId());
			local.put(ANSWER, answer.label());
		}
		if (open.map().losesDeal(action.id(), completion.answer())) {
			Long reason = completion.lossReasonId();
			if (reason == null || scenarios.lossReasons().stream().noneMatch(r -> r.id() == reason && r.active())) {
				throw new RuleViolation("reasonId", "deal.lose.reason-required");
			}
			variables.put("lossReasonId", reason);
			if (completion.lossNote() != null && !completion.lossNote().isBlank()) {
				variables.put("lossNote", completion.lossNote().strip());
			}
		}
		EngineCalls.as(reader.id(), () -> {
			if (!local.isEmpty()) {
				tasks.setVariablesLocal(taskId, local);
			}
			tasks.complete(taskId, String.valueOf(reader.id()), variables);
			return null;
		});
		return open.deal().id();
	}

	/**
	 * The reader's next open action on the deal, if any: where they go after completing
	 * one.
	 */
	@Transactional(readOnly = true)
	public Optional<String> nextOf(long dealId, CurrentUser reader) {
		return inbox.ofDeal(dealId)
			.stream()
			.filter(row -> row.assigneeId() != null && row.assigneeId() == reader.id())
			.map(ProcessTaskInbox.Row::taskId)
			.findFirst();
	}

	/**
	 * The instruction whose step this open action is, if it is one: its page is the
	 * step's page.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> instructionOf(String taskId) {
		return inbox.find(taskId).map(ProcessTaskInbox.Row::instructionId);
	}

	private record Open(ProcessTaskInbox.Row row, Task task, DealCard deal, RouteMapModel map) {
	}

	private Open open(String taskId, CurrentUser reader) {
		ProcessTaskInbox.Row row = inbox.find(taskId)
			.filter(found -> found.dealId() != null)
			.orElseThrow(() -> new RecordNotFound("ProcessTask", taskId));
		DealCard deal = deals.card(row.dealId(), reader);
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new RecordNotFound("ProcessTask", taskId);
		}
		return new Open(row, task, deal, RouteMapModel.of(repository.getBpmnModel(task.getProcessDefinitionId())));
	}

	private static boolean mayComplete(Open open, CurrentUser reader) {
		Long assignee = open.row().assigneeId();
		return assignee != null && assignee == reader.id() || reader.is(Role.ADMINISTRATOR)
				|| reader.is(Role.HEAD_OF_DEPARTMENT);
	}

}
