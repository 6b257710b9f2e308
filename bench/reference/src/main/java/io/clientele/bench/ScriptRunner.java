package io.clientele.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** Runs a scenario's statements in their transactions and gives back each one's rows. */
@Component
class ScriptRunner {

	private final JdbcClient jdbc;

	private final PlatformTransactionManager transactions;

	private final Path directory;

	private final Map<String, Script> scripts = new ConcurrentHashMap<>();

	ScriptRunner(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${bench.sql-dir:../sql}") String directory) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.directory = Path.of(directory);
	}

	/** The rows of every named statement, by name. */
	Map<String, List<Map<String, Object>>> run(String scenario, Map<String, Object> variables) {
		Script script = scripts.computeIfAbsent(scenario, name -> {
			try {
				return Script.read(directory.resolve(name + ".sql"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		Map<String, Object> vars = new HashMap<>(variables);
		Map<String, List<Map<String, Object>>> results = new HashMap<>();
		TransactionStatus open = null;
		// \if blocks nest: depth counts the open ones, skipped the depth at which one did not hold
		int depth = 0;
		int skipped = 0;
		try {
			for (Script.Step step : script.steps()) {
				if (step instanceof Script.If condition) {
					depth++;
					if (skipped == 0 && !condition.holds(vars)) {
						skipped = depth;
					}
				}
				else if (step instanceof Script.EndIf) {
					if (skipped == depth) {
						skipped = 0;
					}
					depth--;
				}
				else if (skipped > 0) {
					continue;
				}
				else if (step instanceof Script.Begin begin) {
					DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
					definition.setReadOnly(begin.readOnly());
					open = transactions.getTransaction(definition);
				}
				else if (step instanceof Script.Commit) {
					transactions.commit(open);
					open = null;
				}
				else if (step instanceof Script.Statement statement) {
					List<Map<String, Object>> rows = returnsRows(statement.sql())
							? jdbc.sql(statement.sql()).params(vars).query().listOfRows()
							: List.of(Map.of("updated", jdbc.sql(statement.sql()).params(vars).update()));
					if (statement.gsetPrefix() != null) {
						if (rows.size() != 1) {
							throw new NotFound();
						}
						rows.get(0).forEach((column, value) -> vars.put(statement.gsetPrefix() + column, value));
					}
					if (statement.name() != null) {
						results.put(statement.name(), rows);
						vars.put(statement.name() + "_rows", rows.size());
					}
				}
			}
			return results;
		}
		finally {
			if (open != null && !open.isCompleted()) {
				transactions.rollback(open);
			}
		}
	}

	private static boolean returnsRows(String sql) {
		String start = sql.stripLeading().toLowerCase(java.util.Locale.ROOT);
		return start.startsWith("select") || start.startsWith("(select") || start.startsWith("with")
				|| start.startsWith("explain")
				|| start.contains(" returning ");
	}

	/**
	 * A {@code \gset} statement found no row: the record is not there (or not visible).
	 */
	static class NotFound extends RuntimeException {

	}

}
