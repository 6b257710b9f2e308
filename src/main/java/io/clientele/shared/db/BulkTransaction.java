package io.clientele.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk load's transaction on a connection of its own, and the vacuum after it: the work
 * commits whole or not at all, and then the loaded tables are vacuumed, since a load
 * leaves their visibility maps empty (index-only scans would read the heap until
 * autovacuum came by, in the middle of a benchmark).
 */
public final class BulkTransaction {

	private static final Logger log = LoggerFactory.getLogger(BulkTransaction.class);

	/** What runs in the transaction. */
	@FunctionalInterface
	public interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	private BulkTransaction() {
	}

	/**
	 * Runs the work in one transaction, then vacuums (and analyzes) the tables.
	 * @return what the work returned
	 */
	public static <T> T run(DataSource dataSource, List<String> vacuumed, Work<T> work) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			T result;
			try {
				result = work.run(connection);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
			log.info("Vacuuming {}", vacuumed);
			try (var statement = connection.createStatement()) {
				statement.execute("vacuum (analyze) " + String.join(", ", vacuumed));
			}
			return result;
		}
	}

}
