package io.clientele.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a large amount of rows faster by building a table's secondary indexes once at the
 * end instead of row by row: their definitions are read from the catalogue, the indexes
 * dropped, the load run, and the same definitions created again.
 */
public final class BulkIndexes {

	private final Connection connection;

	private final List<String> definitions = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	/** Reads the secondary (neither primary nor unique) indexes of the tables. */
	public BulkIndexes(Connection connection, List<String> tables) throws SQLException {
		this.connection = connection;
		try (var query = connection.prepareStatement("""
				select i.indexname, i.indexdef from pg_indexes i
				  join pg_class c on c.relname = i.indexname and c.relnamespace = 'public'::regnamespace
				  join pg_index x on x.indexrelid = c.oid
				 where i.schemaname = 'public' and i.tablename = any(?) and not x.indisprimary and not x.indisunique
				 order by i.indexname
				""")) {
			query.setArray(1, connection.createArrayOf("text", tables.toArray()));
			try (var rows = query.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
					definitions.add(rows.getString(2));
				}
			}
		}
	}

	public void drop() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String name : names) {
				statement.execute("drop index if exists " + name);
			}
		}
	}

	public void create() throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set maintenance_work_mem = '512MB'");
			for (String definition : definitions) {
				statement.execute(definition);
			}
		}
	}

}
