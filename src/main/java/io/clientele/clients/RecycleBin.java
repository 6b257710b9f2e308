package io.clientele.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.spi.RecycleBinSection;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deleted clients and contact persons of the last 30 days that a user may see and
 * restore. Older ones stay deleted (kept for the history) but can no longer be restored.
 * Records merged into another are not here: undoing the merge brings them back.
 */
@Service
public class RecycleBin {

	private static final int PAGE = 100;

	private final JdbcClient jdbc;

	private final ClientAccess access;

	private final UserDirectory users;

	private final Clock clock;

	private final List<RecycleBinSection> sections;

	RecycleBin(JdbcClient jdbc, ClientAccess access, UserDirectory users, Clock clock,
			List<RecycleBinSection> sections) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.clock = clock;
		this.sections = sections;
	}

	/**
	 * Restores a record of another module's section.
	 * @return the page of the restored record and what the user is told, or null when no
	 * section holds the type
	 */
	@Transactional
	public RecycleBinSection.@Nullable Restored restoreOther(String type, long id, CurrentUser reader) {
		for (RecycleBinSection section : sections) {
			if (section.type().equals(type)) {
				return section.restore(id, reader);
			}
		}
		return null;
	}

	/**
	 * @param type {@link ClientService#RECORD_TYPE} or {@link ContactService#RECORD_TYPE}
	 * @param restorableUntil when restoring stops being possible
	 */
	public record Item(String type, long id, String name, Instant deletedAt, @Nullable String deletedBy,
			Instant restorableUntil) {
	}

	@Transactional(readOnly = true)
	public List<Item> contents(CurrentUser reader) {
		var visibility = access.of(reader.id());
		OffsetDateTime since = clock.instant().minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC);
		record Row(String type, long id, String name, OffsetDateTime deletedAt, @Nullable Long deletedBy) {
		}
		List<Row> rows = visibility.bind(jdbc.sql("""
				(select 'client' as type, c.id, c.name, c.deleted_at, c.deleted_by from clients c
				  where c.deleted_at >= :since and c.merged_into is null and %1$s
				  order by c.deleted_at desc limit :limit)
				union all
				(select 'contact', ct.id, ct.full_name, ct.deleted_at, ct.deleted_by from contacts ct
				  where ct.deleted_at >= :since and ct.merged_into is null
				    and exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id
				                 where cc.contact_id = ct.id and %1$s)
				  order by ct.deleted_at desc limit :limit)
				order by deleted_at desc
				""".formatted(visibility.sqlCondition("c"))))
			.param("since", since)
			.param("limit", PAGE)
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, Long.class)))
			.list();
		Map<Long, String> names = users
			.names(rows.stream().map(Row::deletedBy).filter(java.util.Objects::nonNull).distinct().toList());
		List<Item> items = new java.util.ArrayList<>(rows.stream()
			.map(row -> new Item(row.type(), row.id(), row.name(), row.deletedAt().toInstant(),
					row.deletedBy() == null ? null : names.get(row.deletedBy()),
					row.deletedAt().toInstant().plus(Duration.ofDays(30))))
			.toList());
		for (RecycleBinSection section : sections) {
			items.addAll(section.deletedSince(since.toInstant(), PAGE, reader));
		}
		items.sort(java.util.Comparator.comparing(Item::deletedAt).reversed());
		return items.size() > PAGE ? items.subList(0, PAGE) : items;
	}

}
