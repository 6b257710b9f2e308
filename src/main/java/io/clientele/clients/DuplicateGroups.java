package io.clientele.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups of likely duplicates the last scan found ({@link DuplicateScan}), for heads
 * and administrators: a head sees a group when its records are in their department tree
 * (contact persons: all the clients they work for) and they may see each of them; only
 * records still live are shown. "Not duplicates" dismisses every pair of a group for
 * good.
 */
@Service
public class DuplicateGroups {

	/** The rules a group may be filtered by, as stored in the groups' reasons. */
	public static final List<String> REASONS = List.of("inn", "phone", "email", "name");

	static final int PAGE = 20;

	private final JdbcClient jdbc;

	private final ClientAccess access;

	private final UserDirectory users;

	DuplicateGroups(JdbcClient jdbc, ClientAccess access, UserDirectory users) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
	}

	/**
	 * @param reasons message keys of the rules that joined the group
	 * @param score how likely the records are one, 0–1
	 */
	public record Group(String type, long id, double score, List<String> reasons, List<Member> members) {

		public int percent() {
			return (int) Math.round(score * 100);
		}

	}

	/**
	 * A record of a group as the page shows it.
	 *
	 * @param detail a client's INN and city; a contact person's clients (those the reader
	 * may see)
	 * @param owner the responsible manager (clients)
	 */
	public record Member(long id, String name, @Nullable String detail, @Nullable String phone, @Nullable String email,
			@Nullable String owner, Instant createdAt) {

		/** Detail, phone and e-mail on one line. */
		public String summary() {
			return String.join(" · ",
					java.util.stream.Stream.of(detail, phone, email).filter(java.util.Objects::nonNull).toList());
		}

	}

	/**
	 * @param next the cursor of the next page, or null on the last
	 */
	public record Page(List<Group> groups, @Nullable String next) {
	}

	/**
	 * One page of groups, strongest first.
	 * @param type {@link ClientService#RECORD_TYPE} or {@link ContactService#RECORD_TYPE}
	 * @param reason only groups joined (also) by this rule, one of {@link #REASONS}
	 * @param after the cursor of the page before
	 */
	@Transactional(readOnly = true)
	public Page page(String type, @Nullable String reason, @Nullable String after, CurrentUser reader) {
		Merging.mayMerge(reader);
		String table = table(type);
		var visibility = access.of(reader.id());
		String keyset = "";
		Cursor cursor = Cursor.parse(after);
		if (cursor != null) {
			keyset = "and (g.score, g.id) < (cast(:score as real), cast(:id as bigint))";
		}
		// An administrator's page walks duplicate_groups_page_idx from the cursor (about
		// a
		// millisecond a group on the M data set); a head's takes the groups whose
		// managers
		// were all theirs at the scan from duplicate_groups_owners_idx and sorts them.
		// Then
		// each group's live members are found by primary key and must all be visible now.
		String owners = visibility.scope().coversEverything() ? ""
				: "and g.responsible_ids <@ cast(:owners as bigint[])";
		var statement = jdbc
			.sql("""
					select g.id, g.score, g.reasons, m.ids
					  from duplicate_groups g
					 cross join lateral (
					   select array_agg(r.id order by r.id) as ids, coalesce(bool_and(%s), false) as visible
					     from %s r where r.id = any(g.member_ids) and r.deleted_at is null) m
					 where g.record_type = :type %s %s %s and cardinality(m.ids) >= 2 and m.visible
					 order by g.score desc, g.id desc
					 limit :limit
					""".formatted(visible(type, visibility), table,
					reason != null && REASONS.contains(reason) ? "and g.reasons @> array[cast(:reason as text)]" : "",
					keyset, owners))
			.param("owners", visibility.scope().sqlArray())
			.param("type", type)
			.param("reason", reason)
			.param("limit", PAGE + 1);
		if (cursor != null) {
			statement = statement.param("score", cursor.score()).param("id", cursor.id());
		}
		record Row(long id, float score, List<String> reasons, List<Long> members) {
		}
		List<Row> rows = visibility.bind(statement)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getFloat(2), List.of((String[]) rs.getArray(3).getArray()),
					longs(rs.getArray(4))))
			.list();
		String next = null;
		if (rows.size() > PAGE) {
			rows = rows.subList(0, PAGE);
			Row last = rows.get(PAGE - 1);
			next = last.score() + ":" + last.id();
		}
		Set<Long> ids = new LinkedHashSet<>();
		rows.forEach(row -> ids.addAll(row.members()));
		Map<Long, Member> members = members(type, ids, visibility);
		List<Group> groups = new ArrayList<>(rows.size());
		for (Row row : rows) {
			groups.add(new Group(type, row.id(), row.score(),
					row.reasons().stream().map(key -> "duplicates.reason." + key).toList(),
					row.members().stream().map(members::get).toList()));
		}
		return new Page(groups, next);
	}

	/** The records of a group are not duplicates: its pairs never come back. */
	@Transactional
	public void dismiss(String type, long groupId, CurrentUser actor) {
		Merging.mayMerge(actor);
		String table = table(type);
		var visibility = access.of(actor.id());
		List<Long> members = visibility.bind(jdbc.sql("""
				select m.ids from duplicate_groups g
				 cross join lateral (
				   select array_agg(r.id) as ids, coalesce(bool_and(%s), false) as visible
				     from %s r where r.id = any(g.member_ids) and r.deleted_at is null) m
				 where g.record_type = :type and g.id = :id and m.visible
				""".formatted(visible(type, visibility), table)))
			.param("type", type)
			.param("id", groupId)
			.query((rs, n) -> longs(rs.getArray(1)))
			.optional()
			.orElseThrow(() -> new RecordNotFound("DuplicateGroup", groupId));
		jdbc.sql("""
				update duplicate_candidates set dismissed_at = now(), dismissed_by = :actor
				 where record_type = :type and a_id = any(:members) and b_id = any(:members) and dismissed_at is null
				""")
			.param("actor", actor.id())
			.param("type", type)
			.param("members", members.toArray(Long[]::new))
			.update();
		jdbc.sql("delete from duplicate_groups where record_type = ? and id = ?").params(type, groupId).update();
	}

	private Map<Long, Member> members(String type, Set<Long> ids, ClientVisibility visibility) {
		Map<Long, Member> members = new HashMap<>();
		if (ids.isEmpty()) {
			return members;
		}
		if (ClientService.RECORD_TYPE.equals(type)) {
			record Row(long id, String name, @Nullable String inn, @Nullable String city, @Nullable String phone,
					@Nullable String email, long responsible, Instant created) {
			}
			List<Row> rows = jdbc.sql("""
					select c.id, c.name, c.inn, c.city, c.phones -> 0 ->> 'number', c.email_lower[1], c.responsible_id,
					       c.created_at
					  from clients c where c.id = any(:ids)
					""")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getLong(7), instant(rs, 8)))
				.list();
			Map<Long, String> owners = users.names(rows.stream().map(Row::responsible).distinct().toList());
			for (Row row : rows) {
				String detail = String.join(" · ",
						java.util.stream.Stream.of(row.inn(), row.city()).filter(java.util.Objects::nonNull).toList());
				members.put(row.id(), new Member(row.id(), row.name(), detail.isEmpty() ? null : detail,
						display(row.phone()), row.email(), owners.get(row.responsible()), row.created()));
			}
			return members;
		}
		visibility.bind(jdbc.sql("""
				select ct.id, ct.full_name, ct.phones -> 0 ->> 'number', ct.email_lower[1], ct.created_at,
				       (select string_agg(c.name, ', ' order by c.name) from client_contacts cc
				          join clients c on c.id = cc.client_id
				         where cc.contact_id = ct.id and c.deleted_at is null and %s)
				  from contacts ct where ct.id = any(:ids)
				""".formatted(visibility.sqlCondition("c"))))
			.param("ids", ids.toArray(Long[]::new))
			.query((ResultSet rs) -> {
				long id = rs.getLong(1);
				members.put(id, new Member(id, rs.getString(2), rs.getString(6), display(rs.getString(3)),
						rs.getString(4), null, instant(rs, 5)));
			});
		return members;
	}

	/**
	 * Whether the reader may see the record {@code r} of the lateral join: a client by
	 * its visibility, a contact person through a live client they work for.
	 */
	static String visible(String type, ClientVisibility visibility) {
		return visible(type, "r", visibility);
	}

	static String visible(String type, String alias, ClientVisibility visibility) {
		if (ClientService.RECORD_TYPE.equals(type)) {
			return visibility.sqlCondition(alias);
		}
		return "exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id"
				+ " where cc.contact_id = " + alias + ".id and c.deleted_at is null and " + visibility.sqlCondition("c")
				+ ")";
	}

	static String table(String type) {
		return switch (type) {
			case ClientService.RECORD_TYPE -> "clients";
			case ContactService.RECORD_TYPE -> "contacts";
			default -> throw new RecordNotFound("DuplicateGroup", type);
		};
	}

	/** Where a page ends: the score and id of its last group ({@code 0.95:1042}). */
	private record Cursor(float score, long id) {

		static @Nullable Cursor parse(@Nullable String text) {
			if (text == null || !text.contains(":")) {
				return null;
			}
			try {
				String[] parts = text.split(":", 2);
				return new Cursor(Float.parseFloat(parts[0]), Long.parseLong(parts[1]));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	private static @Nullable String display(@Nullable String phone) {
		return phone == null ? null : PhoneNumbers.display(phone);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static List<Long> longs(java.sql.Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(value -> ((Number) value).longValue()).toList();
	}

}
