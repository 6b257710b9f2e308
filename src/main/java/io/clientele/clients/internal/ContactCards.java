package io.clientele.clients.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.clientele.clients.ClientVisibility;
import io.clientele.clients.ContactCard;
import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cards of many contact persons in one query, for an export of thousands of them
 * (loading each aggregate and its clients would be a query per person and client). Each
 * card lists only the clients the reader may see, as {@link ContactStore#card} does;
 * current jobs first.
 */
@Component
public class ContactCards {

	private static final TypeReference<List<Phone>> PHONES = new TypeReference<>() {
	};

	private static final TypeReference<List<Email>> EMAILS = new TypeReference<>() {
	};

	private static final TypeReference<List<Messenger>> MESSENGERS = new TypeReference<>() {
	};

	private static final TypeReference<List<ContactCard.WorkAt>> WORK = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> CUSTOM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ContactCards(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param ids contact persons the reader may see (the caller found them through the
	 * visibility)
	 * @return their cards in the order of the ids
	 */
	public List<ContactCard> of(List<Long> ids, ClientVisibility visibility) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ContactCard> cards = visibility.bind(jdbc.sql("""
				select ct.id, ct.version, ct.last_name, ct.first_name, ct.middle_name, ct.full_name, ct.birthday,
				       ct.phones::text as phones, ct.emails::text as emails, ct.messengers::text as messengers,
				       ct.notes, ct.custom::text as custom, ct.created_at, ct.updated_at,
				       (select coalesce(jsonb_agg(jsonb_build_object('clientId', c.id, 'clientName', c.name,
				                   'visible', true, 'position', cc.position, 'department', cc.department,
				                   'keyPerson', cc.key_person, 'leftCompany', cc.left_company, 'leftOn', cc.left_on)
				                 order by cc.left_company, cc.key_person desc, lower(c.name), c.id), '[]')::text
				          from client_contacts cc join clients c on c.id = cc.client_id
				         where cc.contact_id = ct.id and c.deleted_at is null and %s) as work
				  from contacts ct
				 where ct.id = any(:ids)
				""".formatted(visibility.sqlCondition("c"))))
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> new ContactCard(rs.getLong("id"), rs.getLong("version"), rs.getString("last_name"),
					rs.getString("first_name"), rs.getString("middle_name"), rs.getString("full_name"),
					rs.getObject("birthday", LocalDate.class), read(rs.getString("phones"), PHONES),
					read(rs.getString("emails"), EMAILS), read(rs.getString("messengers"), MESSENGERS),
					rs.getString("notes"), read(rs.getString("custom"), CUSTOM), read(rs.getString("work"), WORK),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(ContactCard::id, Function.identity()));
		return ids.stream().map(cards::get).filter(Objects::nonNull).toList();
	}

	/** The jsonb columns are never null. */
	private <T> T read(String text, TypeReference<T> type) {
		return json.readValue(text, type);
	}

}
