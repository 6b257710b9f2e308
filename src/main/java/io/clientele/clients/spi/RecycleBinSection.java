package io.clientele.clients.spi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.clientele.clients.RecycleBin;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleted records of another module (deals) in the one recycle bin: the module lists what
 * the reader may restore and restores it.
 */
public interface RecycleBinSection {

	/** The record type this section holds, as in {@link RecycleBin.Item#type()}. */
	String type();

	/** Records deleted since then that the reader may restore, newest first. */
	List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader);

	/**
	 * Restores the record (404 outside the reader's access).
	 * @return the page of the restored record and what the user is told
	 */
	Restored restore(long id, CurrentUser reader);

	/**
	 * A record taken back: the page it opens on, and the message the user is told there
	 * (a message key and its arguments), such as what could not be restored with it.
	 */
	record Restored(String page, String notice, List<String> noticeArgs) {

		/** Restored as it was: the bin's usual message. */
		public static Restored at(String page) {
			return new Restored(page, "recycle-bin.restored", List.of());
		}

	}

	/**
	 * A deleted record as a section reads it: id, name, when and by whom it was deleted
	 * (the first four columns of the row, in this order).
	 */
	record Deleted(long id, String name, OffsetDateTime deletedAt, @Nullable Long deletedBy) {

		public static Deleted of(ResultSet rs, int row) throws SQLException {
			return new Deleted(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, Long.class));
		}

	}

	/**
	 * The records of a table deleted since then that the visibility lets through, newest
	 * first, at most {@code limit}.
	 * @param nameColumn what the bin shows as the record's name
	 * @param visibility the reader's condition on the table aliased {@code c}
	 * @param bind binds that condition's parameters
	 */
	static List<Deleted> deleted(JdbcClient jdbc, String table, String nameColumn, String visibility,
			UnaryOperator<JdbcClient.StatementSpec> bind, Instant since, int limit) {
		return bind.apply(jdbc.sql("""
				select c.id, c.%s, c.deleted_at, c.deleted_by from %s c
				 where c.deleted_at >= :since and %s order by c.deleted_at desc limit :limit
				""".formatted(nameColumn, table, visibility)))
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query(Deleted::of)
			.list();
	}

	/**
	 * The bin's items for deleted records of one type, with the names of who deleted them
	 * (one lookup), restorable for so many days after the deletion.
	 */
	static List<RecycleBin.Item> items(String type, List<Deleted> rows, UserDirectory users, int restorableDays) {
		Map<Long, String> names = users
			.names(rows.stream().map(Deleted::deletedBy).filter(Objects::nonNull).distinct().toList());
		return rows.stream()
			.map(row -> new RecycleBin.Item(type, row.id(), row.name(), row.deletedAt().toInstant(),
					row.deletedBy() == null ? null : names.get(row.deletedBy()),
					row.deletedAt().toInstant().plus(Duration.ofDays(restorableDays))))
			.toList();
	}

}
