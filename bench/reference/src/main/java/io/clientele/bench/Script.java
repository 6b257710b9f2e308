package io.clientele.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's statements as pgbench runs them: {@code BEGIN [READ ONLY];}, {@code COMMIT;},
 * and statements named by a preceding {@code -- name:} comment that end with {@code ;} or
 * with {@code \gset [prefix]} (the single row's columns become variables). {@code \set}
 * lines are pgbench's own and are skipped: the request supplies those values.
 */
record Script(List<Step> steps) {

	sealed interface Step permits Begin, Commit, Statement {
	}

	record Begin(boolean readOnly) implements Step {
	}

	record Commit() implements Step {
	}

	record Statement(String name, String sql, String gsetPrefix) implements Step {
	}

	static Script read(Path file) throws IOException {
		List<Step> steps = new ArrayList<>();
		String name = null;
		StringBuilder sql = new StringBuilder();
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("-- name:")) {
				name = trimmed.substring("-- name:".length()).strip();
				continue;
			}
			if (trimmed.startsWith("--") || trimmed.startsWith("\\set") || (trimmed.isEmpty() && sql.isEmpty())) {
				continue;
			}
			if (sql.isEmpty() && trimmed.toUpperCase().startsWith("BEGIN")) {
				steps.add(new Begin(trimmed.toUpperCase().contains("READ ONLY")));
				continue;
			}
			if (sql.isEmpty() && trimmed.equalsIgnoreCase("COMMIT;")) {
				steps.add(new Commit());
				continue;
			}
			int gset = line.indexOf("\\gset");
			if (gset >= 0) {
				sql.append(line, 0, gset);
				steps.add(new Statement(name, sql.toString().strip(), line.substring(gset + 5).strip()));
				sql.setLength(0);
				name = null;
			}
			else if (trimmed.endsWith(";")) {
				sql.append(line, 0, line.lastIndexOf(';'));
				steps.add(new Statement(name, sql.toString().strip(), null));
				sql.setLength(0);
				name = null;
			}
			else {
				sql.append(line).append('\n');
			}
		}
		return new Script(List.copyOf(steps));
	}

}
