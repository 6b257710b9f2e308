package io.clientele.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.RecordListQuery;
import io.clientele.identity.AccessScope;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The top-bar search: clients, contact persons and leads the reader may see, by any part
 * of their name, tax ids, phone digits, e-mail addresses or extra text fields. Each
 * table's {@code search_text} column holds all of these (lower case, Ё as Е) under one
 * trigram index, so one indexed {@code LIKE '%…%'} per kind answers it. A phone typed in
 * any format is also looked up as its E.164 digits.
 *
 * <p>
 * "Best first" without ranking every match of a short fragment: the first
 * {@value #CANDIDATES} matches the index yields are ranked (names that start with the
 * text, then names that contain it, then shorter names), and the best few shown.
 */
@Service
public class Search {

	public static final int MIN_LENGTH = 3;

	static final int CANDIDATES = 200;

	private final JdbcClient jdbc;

	private final ClientAccess clientAccess;

	private final String phoneRegion;

	Search(JdbcClient jdbc, ClientAccess clientAccess, ClienteleProperties properties) {
		this.jdbc = jdbc;
		this.clientAccess = clientAccess;
		this.phoneRegion = properties.phoneRegion();
	}

	/** A record found, with a line that says why it is the one. */
	public record Hit(long id, String name, @Nullable String detail) {
	}

	/** Hits grouped by kind. */
	public record Results(String text, List<Hit> clients, List<Hit> contacts, List<Hit> leads) {

		public boolean empty() {
			return clients.isEmpty() && contacts.isEmpty() && leads.isEmpty();
		}

	}

	@Transactional(readOnly = true)
	public Results find(String text, int perKind, CurrentUser reader) {
		String typed = text == null ? "" : text.strip();
		if (typed.length() < MIN_LENGTH || typed.length() > 200) {
			return new Results(typed, List.of(), List.of(), List.of());
		}
		String normal = typed.toLowerCase(Locale.ROOT).replace('ё', 'е');
		List<String> patterns = new ArrayList<>();
		patterns.add(RecordListQuery.like(normal));
		String digits = phoneDigits(typed);
		if (digits != null && !normal.contains(digits)) {
			patterns.add(RecordListQuery.like(digits));
		}
		String[] any = patterns.toArray(String[]::new);
		String prefix = RecordListQuery.like(normal).substring(1);
		int limit = Math.max(1, Math.min(perKind, 50));
		var visibility = clientAccess.of(reader.id());
		AccessScope scope = visibility.scope();

		List<Hit> clients = visibility.bind(jdbc.sql("""
				select id, name, coalesce(inn, city) as detail from (
				  select c.id, c.name, c.inn, c.city from clients c
				   where c.deleted_at is null and c.search_text like any(:patterns) and %s
				   limit %d) t
				 order by lower(name) like :prefix desc, lower(name) like :contains desc, length(name), id
				 limit :limit
				""".formatted(visibility.sqlCondition("c"), CANDIDATES)))
			.param("patterns", any)
			.param("prefix", prefix)
			.param("contains", patterns.get(0))
			.param("limit", limit)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();

		List<Hit> contacts = visibility
			.bind(jdbc
				.sql("""
						select id, full_name, clients from (
						  select ct.id, ct.full_name,
						         (select string_agg(c.name, ', ') from client_contacts cc join clients c on c.id = cc.client_id
						           where cc.contact_id = ct.id and c.deleted_at is null) as clients
						    from contacts ct
						   where ct.deleted_at is null and ct.search_text like any(:patterns)
						     and exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id
						                  where cc.contact_id = ct.id and c.deleted_at is null and %s)
						   limit %d) t
						 order by lower(full_name) like :prefix desc, lower(full_name) like :contains desc, length(full_name), id
						 limit :limit
						"""
					.formatted(visibility.sqlCondition("c"), CANDIDATES)))
			.param("patterns", any)
			.param("prefix", prefix)
			.param("contains", patterns.get(0))
			.param("limit", limit)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();

		List<Hit> leads = scope.bindQueue(jdbc.sql("""
				select id, name, company from (
				  select c.id, c.name, c.company, c.created_at from leads c
				   where c.search_text like any(:patterns) and %s
				   limit %d) t
				 order by lower(name) like :prefix desc, created_at desc, id
				 limit :limit
				""".formatted(scope.queueCondition("c.responsible_id", "c.department_id"), CANDIDATES)))
			.param("patterns", any)
			.param("prefix", prefix)
			.param("limit", limit)
			.query((rs, n) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		return new Results(typed, clients, contacts, leads);
	}

	/**
	 * The digits to look for when the text looks like (part of) a phone number: a whole
	 * number in E.164 digits, a part as typed without separators.
	 */
	private @Nullable String phoneDigits(String text) {
		if (!text.matches("[\\d\\s()+\\-.]+")) {
			return null;
		}
		String digits = text.replaceAll("\\D", "");
		if (digits.length() < MIN_LENGTH) {
			return null;
		}
		if (digits.length() >= 10) {
			try {
				return PhoneNumbers.digits(PhoneNumbers.normalise("q", text, phoneRegion));
			}
			catch (RuleViolation notAWholeNumber) {
				return digits;
			}
		}
		return digits;
	}

}
