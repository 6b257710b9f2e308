package io.clientele.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact persons a user may see, by name, keyset-paged: those working for a client the
 * user may see. Found by part of the name, a phone number in any format or an e-mail
 * address.
 */
@Service
public class ContactList {

	private final JdbcClient jdbc;

	private final ClientAccess access;

	private final String phoneRegion;

	ContactList(JdbcClient jdbc, ClientAccess access, ClienteleProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.phoneRegion = properties.phoneRegion();
	}

	public record Row(long id, String fullName, List<String> phones, List<String> emails) {
	}

	public record Page(List<Row> rows, @Nullable String next) {
	}

	/**
	 * @param after the {@code next} of the previous page
	 */
	@Transactional(readOnly = true)
	public Page page(@Nullable String text, @Nullable Long clientId, @Nullable String after, int size,
			CurrentUser reader) {
		var visibility = access.of(reader.id());
		int limit = Math.max(1, Math.min(size, ClientQuery.MAX_SIZE));
		List<String> where = new ArrayList<>(List.of("ct.deleted_at is null"));
		where.add("exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id"
				+ " where cc.contact_id = ct.id and c.deleted_at is null and " + visibility.sqlCondition("c")
				+ (clientId != null ? " and c.id = :client" : "") + ")");
		String like = null;
		String phone = null;
		String email = null;
		if (text != null && !text.isBlank()) {
			like = "%" + text.strip()
				.toLowerCase(Locale.ROOT)
				.replace("\\", "\\\\")
				.replace("%", "\\%")
				.replace("_", "\\_") + "%";
			List<String> any = new ArrayList<>(List.of("lower(ct.full_name) like :like"));
			try {
				phone = PhoneNumbers.digits(PhoneNumbers.normalise("q", text, phoneRegion));
				any.add("ct.phone_digits @> array[cast(:phone as text)]");
			}
			catch (RuleViolation notAPhone) {
				// the name or e-mail only
			}
			if (text.contains("@")) {
				email = text.strip().toLowerCase(Locale.ROOT);
				any.add("ct.email_lower @> array[cast(:email as text)]");
			}
			where.add("(" + String.join(" or ", any) + ")");
		}
		String afterName = null;
		Long afterId = null;
		if (after != null && !after.isBlank()) {
			int split = after.lastIndexOf('|');
			try {
				afterName = new String(java.util.Base64.getUrlDecoder().decode(after.substring(0, split)),
						java.nio.charset.StandardCharsets.UTF_8);
				afterId = Long.parseLong(after.substring(split + 1));
			}
			catch (RuntimeException ex) {
				throw new RuleViolation("after", "list.cursor-invalid");
			}
			where.add("(lower(ct.full_name), ct.id) > (:afterName, :afterId)");
		}
		var statement = visibility.bind(jdbc.sql("""
				select ct.id, ct.full_name, lower(ct.full_name) as sort_name,
				       coalesce(array(select jsonb_array_elements(ct.phones) ->> 'number'), '{}') as phones,
				       coalesce(array(select jsonb_array_elements(ct.emails) ->> 'address'), '{}') as emails
				  from contacts ct where %s
				 order by lower(ct.full_name), ct.id limit %d
				""".formatted(String.join(" and ", where), limit + 1)));
		if (clientId != null) {
			statement = statement.param("client", clientId);
		}
		if (like != null) {
			statement = statement.param("like", like);
		}
		if (phone != null) {
			statement = statement.param("phone", phone);
		}
		if (email != null) {
			statement = statement.param("email", email);
		}
		if (afterName != null) {
			statement = statement.param("afterName", afterName).param("afterId", afterId);
		}
		record Raw(Row row, String sortName) {
		}
		List<Raw> raw = statement
			.query((rs,
					n) -> new Raw(new Row(rs.getLong("id"), rs.getString("full_name"),
							List.of((String[]) rs.getArray("phones").getArray()),
							List.of((String[]) rs.getArray("emails").getArray())), rs.getString("sort_name")))
			.list();
		List<Raw> rows = raw.subList(0, Math.min(raw.size(), limit));
		String next = raw.size() > limit ? java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(rows.get(rows.size() - 1).sortName().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				+ "|" + rows.get(rows.size() - 1).row().id() : null;
		return new Page(rows.stream().map(Raw::row).toList(), next);
	}

}
