package io.clientele.processes.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.processes.internal.ActionAttributes.Assignee;
import io.clientele.processes.internal.ActionAttributes.Outcome;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.jspecify.annotations.Nullable;

/**
 * A deployed route map as Clientele reads it: its actions with who does them, the stage
 * they set and their checklists; the question after an action; how the deal ends where
 * the map ends.
 */
public final class RouteMapModel {

	private final Process process;

	private RouteMapModel(Process process) {
		this.process = process;
	}

	public static RouteMapModel of(BpmnModel model) {
		return new RouteMapModel(model.getMainProcess());
	}

	public static RouteMapModel of(Process process) {
		return new RouteMapModel(process);
	}

	/** An action of the map. */
	public record Action(String id, String name, Assignee assignee, @Nullable String stage, List<String> checklist) {

		public Action {
			checklist = List.copyOf(checklist);
		}

	}

	/**
	 * A question: the gateway's name, and its outgoing flows as the answers; several of
	 * them may be chosen together when it is a selection (an inclusive gateway).
	 */
	public record Question(String gatewayId, String text, List<Answer> answers, boolean multiple) {

		public Question {
			answers = List.copyOf(answers);
		}

		public String variable() {
			return ActionAttributes.answerVariable(gatewayId);
		}

		/**
		 * The variable that says whether the answer's branch of a selection was chosen.
		 */
		public String variable(Answer answer) {
			return ActionAttributes.choiceVariable(gatewayId, answer.flowId());
		}

	}

	/**
	 * @param label the flow's name, else the name of where it leads, else its id
	 * @param losesDeal whether it leads straight to an end that loses the deal
	 */
	public record Answer(String flowId, String label, boolean losesDeal) {
	}

	public static Action action(UserTask task) {
		return new Action(task.getId(), name(task),
				Assignee.parse(task.getAttributeValue(ActionAttributes.NAMESPACE, ActionAttributes.ASSIGNEE))
					.orElse(Assignee.RESPONSIBLE),
				blankToNull(task.getAttributeValue(ActionAttributes.NAMESPACE, ActionAttributes.STAGE)),
				ActionAttributes
					.checklist(task.getAttributeValue(ActionAttributes.NAMESPACE, ActionAttributes.CHECKLIST)));
	}

	/**
	 * The action's deadline as its timer writes it (an ISO 8601 duration or date), from
	 * the timer that sends it up to the head if there is one, else from the first timer
	 * on it: the regulation time the action's due date follows (decision 0017).
	 */
	public static Optional<String> deadlineOf(UserTask task) {
		return task.getBoundaryEvents()
			.stream()
			.filter(event -> timer(event) != null)
			.sorted(java.util.Comparator.comparing(event -> event.isCancelActivity()))
			.map(event -> {
				TimerEventDefinition timer = timer(event);
				return timer.getTimeDuration() != null ? timer.getTimeDuration() : timer.getTimeDate();
			})
			.filter(text -> text != null && !text.isBlank())
			.map(String::strip)
			.findFirst();
	}

	/**
	 * The action a timer sends up to the head when it fires: a non-interrupting timer on
	 * an action (an interrupting one leaves the action by the map's own flow instead).
	 */
	public static Optional<UserTask> escalatedBy(@Nullable FlowElement element) {
		return element instanceof BoundaryEvent event && !event.isCancelActivity() && timer(event) != null
				&& event.getAttachedToRef() instanceof UserTask task ? Optional.of(task) : Optional.empty();
	}

	private static @Nullable TimerEventDefinition timer(BoundaryEvent event) {
		return event.getEventDefinitions()
			.stream()
			.filter(TimerEventDefinition.class::isInstance)
			.map(TimerEventDefinition.class::cast)
			.findFirst()
			.orElse(null);
	}

	public Optional<Action> action(String activityId) {
		return process.getFlowElement(activityId) instanceof UserTask task ? Optional.of(action(task))
				: Optional.empty();
	}

	/**
	 * The question the action leads to, if any: answered when the action is completed.
	 */
	public Optional<Question> questionAfter(String activityId) {
		for (FlowNode next : next(activityId)) {
			if (next instanceof ExclusiveGateway gateway && isQuestion(gateway)) {
				List<Answer> answers = gateway.getOutgoingFlows()
					.stream()
					.map(flow -> new Answer(flow.getId(), label(flow),
							flow.getTargetFlowElement() != null
									&& outcome(flow.getTargetFlowElement()).orElse(null) == Outcome.LOST))
					.toList();
				return Optional.of(new Question(gateway.getId(), name(gateway), answers, false));
			}
			if (next instanceof InclusiveGateway gateway && isSelection(gateway)) {
				List<Answer> answers = gateway.getOutgoingFlows()
					.stream()
					.filter(flow -> !flow.getId().equals(gateway.getDefaultFlow()))
					.map(flow -> new Answer(flow.getId(), label(flow), false))
					.toList();
				return Optional.of(new Question(gateway.getId(), name(gateway), answers, true));
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the gateway asks a question: two or more outgoing flows, each but the
	 * default with the answer's condition the reader wrote ({@link ActionChecks}).
	 */
	static boolean isQuestion(ExclusiveGateway gateway) {
		return gateway.getOutgoingFlows().size() > 1 && gateway.getOutgoingFlows()
			.stream()
			.filter(flow -> !flow.getId().equals(gateway.getDefaultFlow()))
			.allMatch(flow -> ActionAttributes.answerCondition(gateway.getId(), flow.getId())
				.equals(flow.getConditionExpression() == null ? null : flow.getConditionExpression().strip()));
	}

	/**
	 * Whether the inclusive gateway asks for a selection: two or more outgoing flows,
	 * each but the default with the choice's condition the reader wrote
	 * ({@link ActionChecks}).
	 */
	static boolean isSelection(InclusiveGateway gateway) {
		return gateway.getOutgoingFlows().size() > 1 && gateway.getOutgoingFlows()
			.stream()
			.filter(flow -> !flow.getId().equals(gateway.getDefaultFlow()))
			.allMatch(flow -> ActionAttributes.choiceCondition(gateway.getId(), flow.getId())
				.equals(flow.getConditionExpression() == null ? null : flow.getConditionExpression().strip()));
	}

	/** How the deal ends if the process ends right after this action. */
	public Optional<Outcome> endAfter(String activityId) {
		return next(activityId).stream()
			.filter(EndEvent.class::isInstance)
			.map(RouteMapModel::outcome)
			.flatMap(Optional::stream)
			.findFirst();
	}

	/**
	 * Whether completing the action (with this answer to its question, if any) ends the
	 * process with the deal lost.
	 */
	public boolean losesDeal(String activityId, @Nullable String answer) {
		if (endAfter(activityId).orElse(null) == Outcome.LOST) {
			return true;
		}
		return questionAfter(activityId).stream()
			.flatMap(question -> question.answers().stream())
			.anyMatch(candidate -> candidate.flowId().equals(answer) && candidate.losesDeal());
	}

	public static Optional<Outcome> outcome(FlowElement element) {
		return element instanceof EndEvent end
				? Outcome.parse(end.getAttributeValue(ActionAttributes.NAMESPACE, ActionAttributes.OUTCOME))
				: Optional.empty();
	}

	/** The actions in the order a walk from the start meets them. */
	public List<Action> actionsInFlowOrder() {
		Set<String> seen = new HashSet<>();
		Deque<FlowNode> queue = new ArrayDeque<>();
		process.findFlowElementsOfType(StartEvent.class, false).forEach(queue::add);
		List<Action> actions = new ArrayList<>();
		while (!queue.isEmpty()) {
			FlowNode node = queue.poll();
			if (!seen.add(node.getId())) {
				continue;
			}
			if (node instanceof UserTask task) {
				actions.add(action(task));
			}
			for (SequenceFlow flow : node.getOutgoingFlows()) {
				if (flow.getTargetFlowElement() instanceof FlowNode target) {
					queue.add(target);
				}
			}
		}
		return actions;
	}

	/** The stages the actions set, as the map writes them, in flow order. */
	public Set<String> stagesNamed() {
		Set<String> stages = new LinkedHashSet<>();
		actionsInFlowOrder().stream().map(Action::stage).filter(stage -> stage != null).forEach(stages::add);
		return stages;
	}

	/**
	 * The active stage of the scenario that an action's {@code clientele:stage} names: by
	 * position when it is a number, else by name (case and surrounding spaces aside).
	 */
	public static Optional<Stage> stageIn(String stage, SalesScenario scenario) {
		String text = stage.strip();
		if (text.matches("[0-9]{1,9}")) {
			int position = Integer.parseInt(text);
			return scenario.activeStages().stream().filter(candidate -> candidate.position() == position).findFirst();
		}
		return scenario.activeStages()
			.stream()
			.filter(candidate -> candidate.name().strip().equalsIgnoreCase(text))
			.findFirst();
	}

	/**
	 * Where a deal standing in the stage starts: the first action (in flow order) that
	 * sets it; empty for the start of the map.
	 */
	public Optional<Action> startFor(SalesScenario scenario, long stageId) {
		return actionsInFlowOrder().stream()
			.filter(action -> action.stage() != null)
			.filter(action -> stageIn(action.stage(), scenario).map(Stage::id).orElse(-1L) == stageId)
			.findFirst();
	}

	public String name() {
		return process.getName() == null || process.getName().isBlank() ? process.getId() : process.getName();
	}

	private List<FlowNode> next(String activityId) {
		if (!(process.getFlowElement(activityId) instanceof FlowNode node)) {
			return List.of();
		}
		List<FlowNode> next = new ArrayList<>();
		for (SequenceFlow flow : node.getOutgoingFlows()) {
			if (flow.getTargetFlowElement() instanceof FlowNode target) {
				next.add(target);
			}
		}
		return next;
	}

	private static String label(SequenceFlow flow) {
		if (flow.getName() != null && !flow.getName().isBlank()) {
			return flow.getName().strip();
		}
		FlowElement target = flow.getTargetFlowElement();
		return target != null && target.getName() != null && !target.getName().isBlank() ? target.getName().strip()
				: flow.getId();
	}

	private static String name(FlowElement element) {
		return element.getName() == null || element.getName().isBlank() ? element.getId()
				: element.getName().strip().replaceAll("\\s+", " ");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
