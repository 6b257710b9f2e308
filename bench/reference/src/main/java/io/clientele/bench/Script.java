package io.clientele.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's statements as pgbench runs them: {@code BEGIN [READ ONLY];},
 * {@code COMMIT;}, and statements named by a preceding {@code -- name:} comment that end
 * with {@code ;} or with {@code \gset [prefix]} (the single row's columns become
 * variables). {@code \set} lines are pgbench's own and are skipped: the request supplies
 * those values; so is a statement after a {@code -- pgbench only} comment.
 * {@code \if :a < :b} (or {@code >}, {@code =}, {@code <>}) up to {@code \endif} runs the statements
 * between only when the comparison of the two variables holds (blocks may nest); after a named statement,
 * {@code <name>_rows} holds how many rows it gave.
 */
record Script(List<Step> steps) {

	sealed interface Step permits Begin, Commit, Statement, If, EndIf {

	}

	record If(String left, String operator, String right) implements Step {

		boolean holds(java.util.Map<String, Object> vars) {
			long a = Long.parseLong(String.valueOf(vars.get(left)));
			long b = Long.parseLong(String.valueOf(vars.get(right)));
			return switch (operator) {
				case "<" -> a < b;
				case ">" -> a > b;
				case "=" -> a == b;
				case "<>" -> a != b;
				default -> throw new IllegalArgumentException("\\if with " + operator);
			};
		}

	}

	record EndIf() implements Step {
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
		boolean skip = false;
		StringBuilder sql = new StringBuilder();
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (trimmed.startsWith("-- pgbench only")) {
				skip = true;
				continue;
			}
			if (trimmed.startsWith("-- name:")) {
				name = trimmed.substring("-- name:".length()).strip();
				continue;
			}
			if (trimmed.startsWith("\\if ")) {
				String[] parts = trimmed.substring(4).strip().split("\\s+");
				steps.add(new If(parts[0].substring(1), parts[1], parts[2].substring(1)));
				continue;
			}
			if (trimmed.equals("\\endif")) {
				steps.add(new EndIf());
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
			if (gset >= 0 || trimmed.endsWith(";")) {
				sql.append(line, 0, gset >= 0 ? gset : line.lastIndexOf(';'));
				if (!skip) {
					steps.add(new Statement(name, sql.toString().strip(),
							gset >= 0 ? line.substring(gset + 5).strip() : null));
				}
				sql.setLength(0);
				name = null;
				skip = false;
			}
			else {
				sql.append(line).append('\n');
			}
		}
		return new Script(List.copyOf(steps));
	}

}
