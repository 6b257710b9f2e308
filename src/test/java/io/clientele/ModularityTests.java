package io.clientele;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ClienteleApplication.class);

	@Test
	void modules_keep_their_boundaries() {
		modules.verify();
	}

	@Test
	void the_module_diagram_is_written_to_the_docs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		inStableOrder(Path.of("docs/modules"));
	}

	/**
	 * The documenter lists relations and events in hash order, which changes from run to
	 * run: sorted, the files change only when the modules do.
	 */
	private static void inStableOrder(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc"))
				.toList()) {
				List<String> lines = Files.readAllLines(file);
				List<String> sorted = new ArrayList<>();
				List<String> run = new ArrayList<>();
				for (String line : lines) {
					if (line.startsWith("Rel(") || line.startsWith("* `") || line.startsWith("|* `")) {
						run.add(line);
						continue;
					}
					sorted.addAll(sortedRun(run));
					run.clear();
					sorted.add(line);
				}
				sorted.addAll(sortedRun(run));
				if (!sorted.equals(lines)) {
					Files.write(file, sorted);
				}
			}
		}
	}

	/** A run of relations, or of list items whose first carries the table's "|". */
	private static List<String> sortedRun(List<String> run) {
		boolean cell = !run.isEmpty() && run.get(0).startsWith("|");
		List<String> items = new ArrayList<>(
				run.stream().map(line -> line.startsWith("|") ? line.substring(1) : line).toList());
		Collections.sort(items);
		if (cell) {
			items.set(0, "|" + items.get(0));
		}
		return items;
	}

}
