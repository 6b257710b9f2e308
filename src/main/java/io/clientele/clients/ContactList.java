package io.clientele.clients;

import io.clientele.shared.lists.RecordQuery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ContactCards;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Contact persons a user may see, by name, keyset-paged: those working for a client the
 * user may see. Found by part of the name, a phone number in any format, an e-mail
 * address, the client they work for, and their extra fields.
 */
@Service
public class ContactList {

	private final JdbcClient jdbc;

	private final ClientAccess access;

	private final JsonMapper json;

	private final String phoneRegion;

	private final ContactCards cards;

	ContactList(JdbcClient jdbc, ClientAccess access, JsonMapper json, ClienteleProperties properties,
			ContactCards cards) {
		this.jdbc = jdbc;
		this.access = access;
		this.json = json;
		this.phoneRegion = properties.phoneRegion();
		this.cards = cards;
	}

	/**
	 * @param clients the names of the clients the person works for, as far as the reader
	 * sees
	 * @param custom extra field values by field key
	 */
	public record Row(long id, String fullName, List<String> phones, List<String> emails, String clients,
			Map<String, Object> custom) {
	}

	public record Page(List<Row> rows, @Nullable String next) {
	}

	@Transactional(readOnly = true)
	public Page page(@Nullable String text, @Nullable Long clientId, @Nullable String after, int size,
			CurrentUser reader) {
		return page(text, clientId, Map.of(), after, size, reader);
	}

	/**
	 * @param custom filters on extra fields: the option of a choice, true or false, or
	 * part of a text
	 * @param after the {@code next} of the previous page
	 */
	@Transactional(readOnly = true)
	public Page page(@Nullable String text, @Nullable Long clientId, Map<CustomField, String> custom,
			@Nullable String after, int size, CurrentUser reader) {
		return select(text, clientId, custom, after, Math.max(1, Math.min(size, RecordQuery.MAX_SIZE)),
				access.of(reader.id()));
	}

	/**
	 * The next {@code size} contact persons of the list after a cursor, for an export:
	 * the same people and order as {@link #page}, one short read-only transaction per
	 * slice.
	 * @param after the {@code next} of the previous slice, or null for the first
	 */
	@Transactional(readOnly = true)
	public Page slice(@Nullable String text, @Nullable Long clientId, Map<CustomField, String> custom,
			@Nullable String after, int size, CurrentUser reader) {
		RecordListQuery.limitStatementTime(jdbc);
		return select(text, clientId, custom, after, size, access.of(reader.id()));
	}

	/** The cards of a slice of the list, and where the next slice starts. */
	public record Cards(List<ContactCard> cards, @Nullable String next) {
	}

	/**
	 * The cards of the next {@code size} contact persons of the list after a cursor, for
	 * an export of whole cards (vCard): as {@link #slice}, each card listing the clients
	 * the reader may see.
	 */
	@Transactional(readOnly = true)
	public Cards cards(@Nullable String text, @Nullable Long clientId, Map<CustomField, String> custom,
			@Nullable String after, int size, CurrentUser reader) {
		RecordListQuery.limitStatementTime(jdbc);
		ClientVisibility visibility = access.of(reader.id());
		Page page = select(text, clientId, custom, after, size, visibility);
		return new Cards(cards.of(page.rows().stream().map(Row::id).toList(), visibility), page.next());
	}

	private Page select(@Nullable String text, @Nullable Long clientId, Map<CustomField, String> custom,
			@Nullable String after, int limit, ClientVisibility visibility) {
		List<String> where = new ArrayList<>(List.of("ct.deleted_at is null"));
		List<Object> params = new ArrayList<>();
		if (clientId == null) {
			where.add(visibility.contactCondition("ct"));
		}
		else {
			where.add("exists (select 1 from client_contacts cc join clients c on c.id = cc.client_id"
					+ " where cc.contact_id = ct.id and c.deleted_at is null and " + visibility.sqlCondition("c")
					+ " and c.id = " + param(params, clientId) + ")");
		}
		if (text != null && !text.isBlank()) {
			where.add(quickText(text, params));
		}
		custom.forEach((field, value) -> {
			if (value != null && !value.isBlank()) {
				where.add(customCondition(field, value.strip(), params));
			}
		});
		if (after != null && !after.isBlank()) {
			int split = after.lastIndexOf('|');
			try {
				String name = new String(Base64.getUrlDecoder().decode(after.substring(0, split)),
						StandardCharsets.UTF_8);
				long id = Long.parseLong(after.substring(split + 1));
				where.add("(lower(ct.full_name), ct.id) > (" + param(params, name) + ", " + param(params, id) + ")");
			}
			catch (RuntimeException ex) {
				throw new RuleViolation("after", "list.cursor-invalid");
			}
		}
		String sql = """
				select ct.id, ct.full_name, lower(ct.full_name) as sort_name, ct.custom::text as custom,
				       coalesce(array(select jsonb_array_elements(ct.phones) ->> 'number'), '{}') as phones,
				       coalesce(array(select jsonb_array_elements(ct.emails) ->> 'address'), '{}') as emails,
				       (select string_agg(c.name, ', ' order by c.name) from client_contacts cc
				          join clients c on c.id = cc.client_id
				         where cc.contact_id = ct.id and c.deleted_at is null and %s) as clients
				  from contacts ct where %s
				 order by lower(ct.full_name), ct.id limit %d
				""".formatted(visibility.sqlCondition("c"), String.join(" and ", where), limit + 1);
		var statement = visibility.bindReaders(jdbc.sql(sql));
		for (int i = 0; i < params.size(); i++) {
			statement = statement.param("p" + i, params.get(i));
		}
		record Raw(Row row, String sortName) {
		}
		List<Raw> raw = statement
			.query((rs, n) -> new Raw(new Row(rs.getLong("id"), rs.getString("full_name"),
					List.of((String[]) rs.getArray("phones").getArray()),
					List.of((String[]) rs.getArray("emails").getArray()),
					rs.getString("clients") == null ? "" : rs.getString("clients"), values(rs.getString("custom"))),
					rs.getString("sort_name")))
			.list();
		List<Raw> rows = raw.subList(0, Math.min(raw.size(), limit));
		String next = raw.size() > limit ? Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(rows.get(rows.size() - 1).sortName().getBytes(StandardCharsets.UTF_8)) + "|"
				+ rows.get(rows.size() - 1).row().id() : null;
		return new Page(rows.stream().map(Raw::row).toList(), next);
	}

	/** Part of the name, a phone number in any format, or an e-mail address. */
	private String quickText(String text, List<Object> params) {
		List<String> any = new ArrayList<>(List.of("lower(ct.full_name) like " + param(params, like(text))));
		try {
			String phone = PhoneNumbers.digits(PhoneNumbers.normalise("q", text, phoneRegion));
			any.add("ct.phone_digits @> array[cast(" + param(params, phone) + " as text)]");
		}
		catch (RuleViolation notAPhone) {
			// the name or e-mail only
		}
		if (text.contains("@")) {
			any.add("ct.email_lower @> array[cast(" + param(params, text.strip().toLowerCase(Locale.ROOT))
					+ " as text)]");
		}
		return "(" + String.join(" or ", any) + ")";
	}

	private static String customCondition(CustomField field, String value, List<Object> params) {
		String key = String.valueOf(field.id());
		if (field.type() == CustomFieldType.CHOICE || field.type() == CustomFieldType.MULTI_CHOICE) {
			if (field.option(value).isEmpty()) {
				throw new RuleViolation("f." + field.column(), "filter.value-invalid");
			}
			String containment = field.type() == CustomFieldType.CHOICE ? "{\"" + key + "\": \"" + value + "\"}"
					: "{\"" + key + "\": [\"" + value + "\"]}";
			return "ct.custom @> cast(" + param(params, containment) + " as jsonb)";
		}
		if (field.type() == CustomFieldType.BOOLEAN) {
			return (Boolean.parseBoolean(value) ? "" : "not ") + "ct.custom @> cast("
					+ param(params, "{\"" + key + "\": true}") + " as jsonb)";
		}
		return "lower(ct.custom ->> '" + key + "') like " + param(params, like(value));
	}

	private static String param(List<Object> params, Object value) {
		params.add(value);
		return ":p" + (params.size() - 1);
	}

	private static String like(String text) {
		return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> values(@Nullable String custom) {
		return custom == null ? Map.of() : json.readValue(custom, Map.class);
	}

}
