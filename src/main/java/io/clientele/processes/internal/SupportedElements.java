package io.clientele.processes.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.processes.RouteMapProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The BPMN elements a Clientele route map may hold, checked on the file as written (not
 * on what a parser keeps of it, which silently drops what it does not know). A route map
 * is one process of start and end events, actions (user tasks, and plain tasks that
 * become actions), exclusive, inclusive and parallel gateways, nested processes (call
 * activities), deadlines (timer boundary events on actions) and sequence flows. Pools,
 * lanes, annotations, groups and vendors' extensions are drawing only and are kept as
 * they are. Anything else is listed by kind, id and name; the outermost unsupported
 * element is named, not everything inside it.
 */
public final class SupportedElements {

	public static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** Flowable's (and its predecessor's) extensions that run code of their own. */
	private static final Set<String> ENGINE_NAMESPACES = Set.of("http://flowable.org/bpmn", "http://activiti.org/bpmn");

	private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener", "eventListener");

	private static final Set<String> ACTIONS = Set.of("task", "userTask");

	private static final Set<String> NODES = Set.of("startEvent", "endEvent", "task", "userTask", "exclusiveGateway",
			"inclusiveGateway", "parallelGateway", "callActivity", "boundaryEvent", "sequenceFlow");

	private static final Set<String> DRAWING = Set.of("documentation", "laneSet", "textAnnotation", "association",
			"group", "incoming", "outgoing");

	private static final Set<String> TIMER_PARTS = Set.of("timeDate", "timeDuration", "timeCycle", "documentation");

	/** Definitions that do nothing unless an unsupported element refers to them. */
	private static final Set<String> ROOT_DEFINITIONS = Set.of("import", "documentation", "message", "itemDefinition",
			"signal", "error", "escalation", "category", "dataStore", "resource", "interface", "endPoint",
			"partnerEntity", "partnerRole", "correlationProperty");

	private final List<RouteMapProblem> problems = new ArrayList<>();

	private final Map<String, Element> byId = new HashMap<>();

	private SupportedElements() {
	}

	/** Everything in the document a route map may not hold; empty when it is fine. */
	public static List<RouteMapProblem> check(Document document) {
		SupportedElements check = new SupportedElements();
		check.index(document.getDocumentElement());
		check.definitions(document.getDocumentElement());
		return List.copyOf(check.problems);
	}

	private void index(Element element) {
		if (!element.getAttribute("id").isEmpty()) {
			byId.put(element.getAttribute("id"), element);
		}
		for (Element child : children(element)) {
			index(child);
		}
	}

	private void definitions(Element definitions) {
		List<Element> processes = new ArrayList<>();
		for (Element child : model(definitions)) {
			String kind = child.getLocalName();
			if (kind.equals("process")) {
				processes.add(child);
				process(child);
			}
			else if (kind.equals("collaboration")) {
				collaboration(child);
			}
			else if (kind.equals("extensionElements")) {
				extensions(child, definitions);
			}
			else if (!ROOT_DEFINITIONS.contains(kind)) {
				unsupported(child, kind);
			}
		}
		if (processes.isEmpty()) {
			problems.add(RouteMapProblem.of("routemap.problem.no-process"));
		}
		else if (processes.size() > 1) {
			problems.add(0, RouteMapProblem.of("routemap.problem.several-processes", String.valueOf(processes.size()),
					String.join(", ", processes.stream().map(SupportedElements::label).toList())));
		}
	}

	/** Pools are drawing; what flows between them is not. */
	private void collaboration(Element collaboration) {
		for (Element child : model(collaboration)) {
			String kind = child.getLocalName();
			if (kind.equals("participant")) {
				model(child).stream()
					.filter(part -> !DRAWING.contains(part.getLocalName())
							&& !part.getLocalName().equals("extensionElements"))
					.findFirst()
					.ifPresent(part -> unsupported(child, kind + " (" + part.getLocalName() + ")"));
			}
			else if (kind.equals("extensionElements")) {
				extensions(child, collaboration);
			}
			else if (!DRAWING.contains(kind)) {
				unsupported(child, kind);
			}
		}
	}

	private void process(Element process) {
		for (Element child : model(process)) {
			String kind = child.getLocalName();
			if (kind.equals("extensionElements")) {
				extensions(child, process);
			}
			else if (kind.equals("ioSpecification")) {
				ioSpecification(child);
			}
			else if (NODES.contains(kind)) {
				node(child, kind);
			}
			else if (!DRAWING.contains(kind)) {
				unsupported(child, kind + eventDefinitions(child));
			}
		}
	}

	/** An empty one, as some tools write on every process, carries no data. */
	private void ioSpecification(Element specification) {
		for (Element part : model(specification)) {
			if (!part.getLocalName().equals("inputSet") && !part.getLocalName().equals("outputSet")
					|| !model(part).isEmpty()) {
				unsupported(part, part.getLocalName());
			}
		}
	}

	private void node(Element node, String kind) {
		if (kind.equals("boundaryEvent")) {
			boundaryEvent(node);
			return;
		}
		for (Element part : model(node)) {
			String partKind = part.getLocalName();
			if (partKind.equals("extensionElements")) {
				extensions(part, node);
			}
			else if (partKind.endsWith("EventDefinition") || partKind.equals("eventDefinitionRef")) {
				unsupported(node, kind + " (" + partKind + ")");
				return;
			}
			else if (!(DRAWING.contains(partKind)
					|| kind.equals("sequenceFlow") && partKind.equals("conditionExpression"))) {
				unsupported(node, kind + " (" + partKind + ")");
				return;
			}
		}
	}

	/** Only a deadline on an action: a timer attached to a (user) task. */
	private void boundaryEvent(Element event) {
		List<Element> definitions = model(event).stream()
			.filter(part -> part.getLocalName().endsWith("EventDefinition"))
			.toList();
		if (definitions.size() != 1 || !definitions.get(0).getLocalName().equals("timerEventDefinition")) {
			unsupported(event, "boundaryEvent" + eventDefinitions(event));
			return;
		}
		Element attachedTo = byId.get(event.getAttribute("attachedToRef"));
		if (attachedTo == null || !MODEL.equals(attachedTo.getNamespaceURI())
				|| !ACTIONS.contains(attachedTo.getLocalName())) {
			unsupported(event, "boundaryEvent (timerEventDefinition → "
					+ (attachedTo == null ? "?" : attachedTo.getLocalName()) + ")");
			return;
		}
		for (Element part : model(definitions.get(0))) {
			if (!TIMER_PARTS.contains(part.getLocalName())) {
				unsupported(event, "timerEventDefinition (" + part.getLocalName() + ")");
			}
		}
	}

	/**
	 * Other tools' extensions are kept as drawing; the engine's listeners would run code.
	 */
	private void extensions(Element extensions, Element owner) {
		for (Element extension : children(extensions)) {
			if (ENGINE_NAMESPACES.contains(extension.getNamespaceURI())
					&& LISTENERS.contains(extension.getLocalName())) {
				unsupported(owner, owner.getLocalName() + " (" + extension.getLocalName() + ")");
			}
		}
	}

	/**
	 * The kinds of an event's definitions, as " (messageEventDefinition)", or nothing.
	 */
	private static String eventDefinitions(Element event) {
		return model(event).stream()
			.map(Element::getLocalName)
			.filter(kind -> kind.endsWith("EventDefinition"))
			.reduce((a, b) -> a + ", " + b)
			.map(kinds -> " (" + kinds + ")")
			.orElse("");
	}

	private void unsupported(Element element, String kind) {
		String id = element.getAttribute("id");
		String name = element.getAttribute("name").strip().replaceAll("\\s+", " ");
		problems.add(name.isEmpty() ? RouteMapProblem.of("routemap.problem.unsupported.unnamed", kind, id)
				: RouteMapProblem.of("routemap.problem.unsupported", kind, id, name));
	}

	private static String label(Element element) {
		String name = element.getAttribute("name").strip().replaceAll("\\s+", " ");
		return element.getAttribute("id") + (name.isEmpty() ? "" : " «" + name + "»");
	}

	private static List<Element> model(Element parent) {
		return children(parent).stream().filter(child -> MODEL.equals(child.getNamespaceURI())).toList();
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
