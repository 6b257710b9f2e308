package io.clientele.processes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.processes.RouteMapProblem;
import io.clientele.processes.internal.ActionAttributes.Assignee;
import io.clientele.processes.internal.ActionAttributes.Outcome;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks what a route map says in Clientele's namespace ({@link ActionAttributes}) and
 * turns its questions into conditions the engine evaluates. A question is an exclusive
 * gateway with two or more outgoing flows that carry no conditions of their own: its name
 * asks, each flow's name answers. Its answer is given when the action before it is
 * completed, so every flow into a question must come from an action. Each answering flow
 * (all but the gateway's default) gets the condition {@code ${answer_<gateway> ==
 * '<flow>'}}: the engine sees only the variable the completed action set (decision 0015).
 * A gateway whose flows carry the author's conditions stays a decision on process
 * variables.
 */
public final class ActionChecks {

	private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

	private static final Set<String> ACTIONS = Set.of("task", "userTask");

	private final List<RouteMapProblem> problems = new ArrayList<>();

	private final Map<String, Element> nodes = new HashMap<>();

	private final List<Element> flows = new ArrayList<>();

	private ActionChecks(Element process) {
		for (Element child : children(process)) {
			if (SupportedElements.MODEL.equals(child.getNamespaceURI())) {
				if (child.getLocalName().equals("sequenceFlow")) {
					flows.add(child);
				}
				else if (!child.getAttribute("id").isEmpty()) {
					nodes.put(child.getAttribute("id"), child);
				}
			}
		}
	}

	/**
	 * Everything wrong in what the file says in Clientele's namespace; empty when fine.
	 */
	public static List<RouteMapProblem> check(Document document) {
		ActionChecks check = new ActionChecks(process(document));
		check.attributes(document.getDocumentElement());
		check.questions();
		return List.copyOf(check.problems);
	}

	/** The ids of the users the file's actions name ({@code user:<id>}). */
	public static Set<Long> usersNamed(Document document) {
		Set<Long> users = new java.util.TreeSet<>();
		var actions = new ArrayList<Element>();
		for (String kind : ACTIONS) {
			var found = document.getElementsByTagNameNS(SupportedElements.MODEL, kind);
			for (int i = 0; i < found.getLength(); i++) {
				actions.add((Element) found.item(i));
			}
		}
		for (Element action : actions) {
			Assignee.parse(action.getAttributeNS(ActionAttributes.NAMESPACE, ActionAttributes.ASSIGNEE))
				.map(Assignee::userId)
				.ifPresent(users::add);
		}
		return users;
	}

	/**
	 * Writes the conditions of the questions' answers into the document; answers how many
	 * flows it wrote.
	 */
	public static int writeAnswers(Document document) {
		ActionChecks map = new ActionChecks(process(document));
		int written = 0;
		for (Element gateway : map.questionGateways()) {
			String defaultFlow = gateway.getAttribute("default");
			for (Element flow : map.outgoing(gateway)) {
				String flowId = flow.getAttribute("id");
				if (flowId.equals(defaultFlow)) {
					continue;
				}
				for (Element old : children(flow)) {
					if (SupportedElements.MODEL.equals(old.getNamespaceURI())
							&& old.getLocalName().equals("conditionExpression")) {
						flow.removeChild(old);
					}
				}
				String prefix = flow.getPrefix() == null ? "" : flow.getPrefix() + ":";
				Element condition = document.createElementNS(SupportedElements.MODEL, prefix + "conditionExpression");
				condition.setAttributeNS(XSI, "xsi:type", prefix + "tFormalExpression");
				condition.setTextContent(
						ActionAttributes.questionCondition(gateway.getLocalName(), gateway.getAttribute("id"), flowId));
				flow.appendChild(condition);
				written++;
			}
		}
		return written;
	}

	/**
	 * Gives each action with a {@code clientele:deadline} its timer: a non-interrupting
	 * boundary timer event without outgoing flows, {@code <action>_deadline}, whose
	 * firing sends the action up to the head ({@code DeadlineEscalation}). A timer
	 * written for a deadline that is no longer there goes. Answers how many timers it
	 * wrote or removed.
	 */
	public static int writeDeadlines(Document document) {
		Element process = process(document);
		ActionChecks map = new ActionChecks(process);
		int written = 0;
		for (Element action : List.copyOf(map.nodes.values())) {
			if (!ACTIONS.contains(action.getLocalName())) {
				continue;
			}
			String deadline = action.getAttributeNS(ActionAttributes.NAMESPACE, ActionAttributes.DEADLINE).strip();
			String eventId = ActionAttributes.deadlineEventId(action.getAttribute("id"));
			Element existing = map.nodes.get(eventId);
			boolean ours = existing != null && existing.getLocalName().equals("boundaryEvent")
					&& existing.getAttribute("attachedToRef").equals(action.getAttribute("id"))
					&& map.outgoing(existing).isEmpty();
			if (deadline.isEmpty()) {
				if (ours) {
					process.removeChild(existing);
					written++;
				}
				continue;
			}
			if (existing != null && !ours) {
				continue;
			}
			if (existing != null) {
				if (deadline.equals(existing.getTextContent().strip())
						&& "false".equals(existing.getAttribute("cancelActivity"))) {
					continue;
				}
				process.removeChild(existing);
			}
			String prefix = action.getPrefix() == null ? "" : action.getPrefix() + ":";
			Element event = document.createElementNS(SupportedElements.MODEL, prefix + "boundaryEvent");
			event.setAttribute("id", eventId);
			event.setAttribute("attachedToRef", action.getAttribute("id"));
			event.setAttribute("cancelActivity", "false");
			Element timer = document.createElementNS(SupportedElements.MODEL, prefix + "timerEventDefinition");
			Element duration = document.createElementNS(SupportedElements.MODEL, prefix + "timeDuration");
			duration.setAttributeNS(XSI, "xsi:type", prefix + "tFormalExpression");
			duration.setTextContent(deadline);
			timer.appendChild(duration);
			event.appendChild(timer);
			process.appendChild(event);
			written++;
		}
		return written;
	}

	/**
	 * The exclusive gateways (questions) and inclusive ones (selections: several answers
	 * at once, decision 0017) with two or more outgoing flows whose answering flows carry
	 * no condition but the answer's own (as an exported map has them): a gateway whose
	 * flows carry the author's conditions decides on process variables instead (decision
	 * 0013).
	 */
	private List<Element> questionGateways() {
		return nodes.values()
			.stream()
			.filter(node -> (node.getLocalName().equals("exclusiveGateway")
					|| node.getLocalName().equals("inclusiveGateway")) && outgoing(node).size() > 1)
			.filter(gateway -> outgoing(gateway).stream()
				.filter(flow -> !flow.getAttribute("id").equals(gateway.getAttribute("default")))
				.allMatch(flow -> condition(flow).isEmpty() || condition(flow).equals(ActionAttributes
					.questionCondition(gateway.getLocalName(), gateway.getAttribute("id"), flow.getAttribute("id")))))
			.toList();
	}

	private static String condition(Element flow) {
		return children(flow).stream()
			.filter(child -> SupportedElements.MODEL.equals(child.getNamespaceURI())
					&& child.getLocalName().equals("conditionExpression"))
			.map(child -> child.getTextContent().strip())
			.findFirst()
			.orElse("");
	}

	private void attributes(Element element) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (ActionAttributes.NAMESPACE.equals(attribute.getNamespaceURI())) {
				attribute(element, attribute.getLocalName(), attribute.getValue());
			}
		}
		for (Element child : children(element)) {
			attributes(child);
		}
	}

	private void attribute(Element element, String name, String value) {
		boolean model = SupportedElements.MODEL.equals(element.getNamespaceURI());
		String kind = element.getLocalName();
		if (model && ACTIONS.contains(kind) && ActionAttributes.OF_ACTIONS.contains(name)) {
			action(element, name, value);
		}
		else if (model && kind.equals("endEvent") && ActionAttributes.OF_END_EVENTS.contains(name)) {
			if (Outcome.parse(value).isEmpty() && !value.isBlank()) {
				problems.add(RouteMapProblem.of("routemap.problem.outcome", label(element), value));
			}
		}
		else {
			problems.add(RouteMapProblem.of("routemap.problem.attribute", label(element), "clientele:" + name));
		}
	}

	private void action(Element action, String name, String value) {
		switch (name) {
			case ActionAttributes.ASSIGNEE -> {
				if (Assignee.parse(value).isEmpty()) {
					problems.add(RouteMapProblem.of("routemap.problem.assignee", label(action), value));
				}
			}
			case ActionAttributes.DEADLINE -> {
				if (!value.isBlank() && !ActionAttributes.isDeadline(value)) {
					problems.add(RouteMapProblem.of("routemap.problem.deadline", label(action), value));
				}
			}
			case ActionAttributes.STAGE -> {
				if (value.strip().length() > ActionAttributes.STAGE_LENGTH) {
					problems.add(RouteMapProblem.of("routemap.problem.stage", label(action),
							String.valueOf(ActionAttributes.STAGE_LENGTH)));
				}
			}
			default -> {
				List<String> items = ActionAttributes.checklist(value);
				if (items.size() > ActionAttributes.CHECKLIST_ITEMS
						|| items.stream().anyMatch(item -> item.length() > ActionAttributes.CHECKLIST_ITEM_LENGTH)) {
					problems.add(RouteMapProblem.of("routemap.problem.checklist", label(action),
							String.valueOf(ActionAttributes.CHECKLIST_ITEMS),
							String.valueOf(ActionAttributes.CHECKLIST_ITEM_LENGTH)));
				}
			}
		}
	}

	/** A question is answered when the action before it is completed. */
	private void questions() {
		for (Element gateway : questionGateways()) {
			String id = gateway.getAttribute("id");
			boolean afterActions = flows.stream()
				.filter(flow -> flow.getAttribute("targetRef").equals(id))
				.map(flow -> nodes.get(flow.getAttribute("sourceRef")))
				.allMatch(source -> source != null && ACTIONS.contains(source.getLocalName()));
			if (!afterActions) {
				problems.add(RouteMapProblem.of("routemap.problem.question-without-action", label(gateway)));
			}
		}
	}

	private List<Element> outgoing(Element node) {
		String id = node.getAttribute("id");
		return flows.stream().filter(flow -> flow.getAttribute("sourceRef").equals(id)).toList();
	}

	private static Element process(Document document) {
		return (Element) document.getElementsByTagNameNS(SupportedElements.MODEL, "process").item(0);
	}

	private static String label(Element element) {
		String name = element.getAttribute("name").strip().replaceAll("\\s+", " ");
		return element.getAttribute("id") + (name.isEmpty() ? "" : " «" + name + "»");
	}

	private static List<Element> children(Element parent) {
		List<Element> elements = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element) {
				elements.add(element);
			}
		}
		return elements;
	}

}
