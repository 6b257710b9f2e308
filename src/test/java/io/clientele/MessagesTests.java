package io.clientele;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.simple.AbstractSimpleMarkupHandler;
import org.attoparser.simple.SimpleMarkupParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from the message bundles, in both languages.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)[}(]");

	/**
	 * Attributes that replace an element's text, so the text in the template is only a
	 * mock-up.
	 */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors",
			"th:remove");

	@Test
	void russian_and_english_have_the_same_keys() throws IOException {
		assertThat(load("messages_ru.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages_en.properties").stringPropertyNames());
	}

	@Test
	void every_message_key_in_the_templates_exists() throws IOException {
		Set<String> keys = load("messages_en.properties").stringPropertyNames();
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templates_contain_no_literal_text() throws IOException, ParseException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			new SimpleMarkupParser(ParseConfiguration.htmlConfiguration()).parse(Files.readString(template),
					new LiteralTextFinder(TEMPLATES.relativize(template), literals));
		}
		assertThat(literals).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> paths = Files.walk(TEMPLATES)) {
			return paths.filter(path -> path.toString().endsWith(".html")).toList();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources", name)),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** Text with letters in it whose element, or an ancestor, does not replace it. */
	private static final class LiteralTextFinder extends AbstractSimpleMarkupHandler {

		private final Path template;

		private final List<String> literals;

		private final Deque<Boolean> replaced = new ArrayDeque<>();

		private static final Set<String> VOID = Set.of("input", "meta", "link", "br", "hr", "img", "source");

		LiteralTextFinder(Path template, List<String> literals) {
			this.template = template;
			this.literals = literals;
		}

		@Override
		public void handleOpenElement(String name, java.util.Map<String, String> attributes, int line, int col) {
			// A page's <html th:replace="~{layout :: page(…, ~{::main})}"> hands its
			// content to
			// the layout, which renders it: that replacement does not hide the text.
			boolean replacing = attributes != null && !"html".equalsIgnoreCase(name)
					&& attributes.keySet().stream().anyMatch(REPLACING::contains);
			boolean inherited = !replaced.isEmpty() && replaced.peek();
			if (!VOID.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				replaced.push(inherited || replacing);
			}
		}

		@Override
		public void handleCloseElement(String name, int line, int col) {
			if (!replaced.isEmpty()) {
				replaced.pop();
			}
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			String text = new String(buffer, offset, len).strip();
			boolean isReplaced = !replaced.isEmpty() && replaced.peek();
			if (!isReplaced && text.codePoints().anyMatch(Character::isLetter)) {
				literals.add(template + ":" + line + ": " + text);
			}
		}

	}

}
