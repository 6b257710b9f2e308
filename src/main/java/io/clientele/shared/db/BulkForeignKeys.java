package io.clientele.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a large amount of rows faster by checking the tables' foreign keys once at the
 * end instead of row by row: their definitions are read from the catalogue, the
 * constraints dropped, the load run, and the same constraints added again, which checks
 * every row in one join per key. Run it in the load's transaction, so that a failed load
 * leaves the constraints as they were.
 */
public final class BulkForeignKeys {

	private final Connection connection;

	private final List<String> drops = new ArrayList<>();

	private final List<String> adds = new ArrayList<>();

	/** Reads the foreign keys the tables hold (not those that point at them). */
	public BulkForeignKeys(Connection connection, List<String> tables) throws SQLException {
		this.connection = connection;
		try (var query = connection.prepareStatement("""
				select format('%I', t.relname), format('%I', k.conname), pg_get_constraintdef(k.oid)
				  from pg_constraint k join pg_class t on t.oid = k.conrelid
				 where k.contype = 'f' and t.relnamespace = 'public'::regnamespace and t.relname = any(?)
				 order by t.relname, k.conname
				""")) {
			query.setArray(1, connection.createArrayOf("text", tables.toArray()));
			try (var rows = query.executeQuery()) {
				while (rows.next()) {
					drops.add("alter table " + rows.getString(1) + " drop constraint " + rows.getString(2));
					adds.add("alter table " + rows.getString(1) + " add constraint " + rows.getString(2) + " "
							+ rows.getString(3));
				}
			}
		}
	}

	public void drop() throws SQLException {
		run(drops);
	}

	/** Adds the constraints again; a row that breaks one fails the load. */
	public void create() throws SQLException {
		run(adds);
	}

	private void run(List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
