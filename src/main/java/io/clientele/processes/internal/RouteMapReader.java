package io.clientele.processes.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import io.clientele.processes.RouteMapProblem;
import io.clientele.processes.RouteMapRefused;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Pool;
import org.flowable.bpmn.model.Process;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an uploaded route map file the way the engine will, and refuses it with every
 * problem found, in this order: not XML; not BPMN; not valid against the BPMN 2.0 schema
 * (Flowable's copy); elements Clientele does not support ({@link SupportedElements});
 * what it says in Clientele's namespace ({@link ActionChecks}); what Flowable's own
 * process validator finds. A file that passes is normalised: its plain tasks become user
 * tasks (the CRM's actions), its process is made executable, since drawings from other
 * tools are often marked as not executable, and its questions' answers get their
 * conditions.
 */
public final class RouteMapReader {

	public static final int MAX_SIZE = 5 * 1024 * 1024;

	private static final int MAX_SCHEMA_ERRORS = 10;

	private static final Schema BPMN_SCHEMA = bpmnSchema();

	private static final ProcessValidator VALIDATOR = new ProcessValidatorFactory().createDefaultProcessValidator();

	public RouteMapFile read(byte[] content) {
		if (content.length == 0) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.empty"));
		}
		if (content.length > MAX_SIZE) {
			throw new RouteMapRefused(
					RouteMapProblem.of("routemap.problem.too-large", String.valueOf(MAX_SIZE / 1024 / 1024)));
		}
		Document document = parse(content);
		Element root = document.getDocumentElement();
		if (!SupportedElements.MODEL.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.not-bpmn",
					root.getLocalName() == null ? root.getNodeName() : root.getLocalName()));
		}
		validateSchema(content);
		List<RouteMapProblem> unsupported = SupportedElements.check(document);
		if (!unsupported.isEmpty()) {
			throw new RouteMapRefused(unsupported);
		}
		List<RouteMapProblem> actions = ActionChecks.check(document);
		if (!actions.isEmpty()) {
			throw new RouteMapRefused(actions);
		}
		boolean executable = "true".equals(process(document).getAttribute("isExecutable"));
		int tasks = makeExecutable(document);
		int answers = ActionChecks.writeAnswers(document) + ActionChecks.writeDeadlines(document);
		byte[] xml = tasks == 0 && answers == 0 && executable && isUtf8(document) ? content : write(document);
		BpmnModel model = convert(xml);
		validateWithEngine(model);
		Process process = model.getMainProcess();
		return new RouteMapFile(process.getId(), name(model, process), xml, tasks, ActionChecks.usersNamed(document));
	}

	private static Document parse(byte[] content) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(content));
		}
		catch (SAXParseException ex) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.not-xml", String.valueOf(ex.getLineNumber()),
					String.valueOf(ex.getColumnNumber()), ex.getMessage()));
		}
		catch (SAXException | IOException ex) {
			throw new RouteMapRefused(
					RouteMapProblem.of("routemap.problem.not-xml", "1", "1", String.valueOf(ex.getMessage())));
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void validateSchema(byte[] content) {
		List<RouteMapProblem> errors = new ArrayList<>();
		Validator validator = BPMN_SCHEMA.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setErrorHandler(new ErrorHandler() {

				@Override
				public void warning(SAXParseException ex) {
				}

				@Override
				public void error(SAXParseException ex) throws SAXException {
					errors.add(RouteMapProblem.of("routemap.problem.schema", String.valueOf(ex.getLineNumber()),
							String.valueOf(ex.getColumnNumber()), ex.getMessage()));
					if (errors.size() >= MAX_SCHEMA_ERRORS) {
						throw ex;
					}
				}

				@Override
				public void fatalError(SAXParseException ex) throws SAXException {
					error(ex);
					throw ex;
				}

			});
			validator.validate(new StreamSource(new ByteArrayInputStream(content)));
		}
		catch (SAXException | IOException ex) {
			if (errors.isEmpty()) {
				errors.add(RouteMapProblem.of("routemap.problem.schema", "1", "1", String.valueOf(ex.getMessage())));
			}
		}
		if (!errors.isEmpty()) {
			throw new RouteMapRefused(errors);
		}
	}

	/**
	 * Plain tasks become actions; the process is executable. Answers how many tasks
	 * changed.
	 */
	private static int makeExecutable(Document document) {
		Element process = process(document);
		process.setAttribute("isExecutable", "true");
		NodeList tasks = process.getElementsByTagNameNS(SupportedElements.MODEL, "task");
		List<Element> plain = new ArrayList<>();
		for (int i = 0; i < tasks.getLength(); i++) {
			plain.add((Element) tasks.item(i));
		}
		for (Element task : plain) {
			String prefix = task.getPrefix();
			document.renameNode(task, SupportedElements.MODEL, (prefix == null ? "" : prefix + ":") + "userTask");
		}
		return plain.size();
	}

	private static Element process(Document document) {
		return (Element) document.getElementsByTagNameNS(SupportedElements.MODEL, "process").item(0);
	}

	private static boolean isUtf8(Document document) {
		String encoding = document.getXmlEncoding();
		return encoding == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(encoding);
	}

	private static byte[] write(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.setXmlStandalone(true);
			transformer.transform(new DOMSource(document), new StreamResult(out));
			return out.toByteArray();
		}
		catch (TransformerException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static BpmnModel convert(byte[] xml) {
		try {
			return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), false, true,
					StandardCharsets.UTF_8.name());
		}
		catch (RuntimeException ex) {
			throw new RouteMapRefused(RouteMapProblem.of("routemap.problem.unreadable", message(ex)));
		}
	}

	private static void validateWithEngine(BpmnModel model) {
		List<RouteMapProblem> errors = new ArrayList<>();
		for (ValidationError error : VALIDATOR.validate(model)) {
			if (!error.isWarning()) {
				String element = error.getActivityId() == null ? "" : error.getActivityId()
						+ (error.getActivityName() == null ? "" : " «" + error.getActivityName() + "»");
				errors.add(RouteMapProblem.of(
						element.isEmpty() ? "routemap.problem.engine" : "routemap.problem.engine.element",
						error.getDefaultDescription(), element));
			}
		}
		if (!errors.isEmpty()) {
			throw new RouteMapRefused(errors);
		}
	}

	private static String name(BpmnModel model, Process process) {
		if (process.getName() != null && !process.getName().isBlank()) {
			return process.getName().strip();
		}
		for (Pool pool : model.getPools()) {
			if (process.getId().equals(pool.getProcessRef()) && pool.getName() != null && !pool.getName().isBlank()) {
				return pool.getName().strip();
			}
		}
		return process.getId();
	}

	private static String message(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage() != null ? cause.getMessage() : ex.getMessage());
	}

	private static Schema bpmnSchema() {
		URL xsd = BpmnXMLConverter.class.getClassLoader().getResource("org/flowable/impl/bpmn/parser/BPMN20.xsd");
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			return factory.newSchema(xsd);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("Flowable's BPMN schema could not be read", ex);
		}
	}

}
