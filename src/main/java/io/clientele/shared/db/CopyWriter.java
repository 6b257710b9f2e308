package io.clientele.shared.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into a table with PostgreSQL's {@code COPY … FROM STDIN} (text format),
 * the fastest way to load generated data sets: values escaped as the format wants, sent
 * in chunks of 64 KB, so that the server parses the first rows while the next are
 * written.
 */
public final class CopyWriter implements AutoCloseable {

	private static final int CHUNK = 1 << 16;

	private final CopyIn copy;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);

	private final StringBuilder row = new StringBuilder(512);

	private boolean first = true;

	/**
	 * @param table the table and its columns, as in {@code clients (kind, name)}
	 */
	public CopyWriter(Connection connection, String table) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin");
	}

	public CopyWriter value(@Nullable Object value) {
		separate();
		if (value == null) {
			row.append("\\N");
		}
		else {
			escape(value.toString());
		}
		return this;
	}

	/** A PostgreSQL array of numbers or of texts. */
	public CopyWriter array(Collection<?> values) {
		separate();
		StringBuilder array = new StringBuilder("{");
		boolean firstItem = true;
		for (Object item : values) {
			if (!firstItem) {
				array.append(',');
			}
			firstItem = false;
			if (item instanceof Number) {
				array.append(item);
			}
			else {
				array.append('"').append(item.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		}
		escape(array.append('}').toString());
		return this;
	}

	public void endRow() throws SQLException {
		row.append('\n');
		byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
		buffer.write(bytes, 0, bytes.length);
		row.setLength(0);
		first = true;
		if (buffer.size() >= CHUNK) {
			flush();
		}
	}

	@Override
	public void close() throws SQLException {
		flush();
		copy.endCopy();
	}

	private void flush() throws SQLException {
		if (buffer.size() > 0) {
			byte[] bytes = buffer.toByteArray();
			copy.writeToCopy(bytes, 0, bytes.length);
			buffer.reset();
		}
	}

	private void separate() {
		if (!first) {
			row.append('\t');
		}
		first = false;
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> row.append("\\\\");
				case '\t' -> row.append("\\t");
				case '\n' -> row.append("\\n");
				case '\r' -> row.append("\\r");
				default -> row.append(c);
			}
		}
	}

}
