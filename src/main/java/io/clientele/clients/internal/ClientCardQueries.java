package io.clientele.clients.internal;

import java.sql.Array;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientCard;
import io.clientele.clients.LegalEntity;
import io.clientele.clients.Segment;
import io.clientele.shared.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a client's card beyond the aggregate itself: its contact persons, further
 * legal entities, and how complete it is.
 */
@Component
class ClientCardQueries {

	private static final TypeReference<List<BankAccount>> ACCOUNTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ClientCardQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	ClientCard card(Client client, String responsibleName, List<Segment> segments) {
		return new ClientCard(client.id(), client.version(), client.kind(), client.name(), client.shortName(),
				client.lastName(), client.firstName(), client.middleName(), client.inn(), client.kpp(), client.ogrn(),
				client.industry(), client.size(), client.website(), client.source(), client.birthday(),
				client.foundedOn(), client.notes(), client.city(), client.phones(), client.emails(),
				client.messengers(), client.addresses(), client.bankAccounts(), client.keyDates(), segments,
				client.responsibleId(), responsibleName, client.custom(), client.createdAt(), client.updatedAt(),
				client.deletedAt(), contacts(client.id()), legalEntities(client.id()), completeness(client));
	}

	/** Current people first, key persons first among them, then by name. */
	List<ClientCard.ContactOfClient> contacts(long clientId) {
		return jdbc.sql("""
				select c.id, c.full_name, cc.position, cc.department, cc.key_person, cc.left_company, cc.left_on,
				       coalesce(array(select jsonb_array_elements(c.phones) ->> 'number'), '{}') as phones,
				       coalesce(array(select jsonb_array_elements(c.emails) ->> 'address'), '{}') as emails
				  from client_contacts cc join contacts c on c.id = cc.contact_id
				 where cc.client_id = ? and c.deleted_at is null
				 order by cc.left_company, cc.key_person desc, lower(c.full_name), c.id
				""")
			.param(clientId)
			.query((rs, row) -> new ClientCard.ContactOfClient(rs.getLong("id"), rs.getString("full_name"),
					rs.getString("position"), rs.getString("department"), rs.getBoolean("key_person"),
					rs.getBoolean("left_company"), rs.getObject("left_on", LocalDate.class),
					strings(rs.getArray("phones")).stream().map(PhoneNumbers::display).toList(),
					strings(rs.getArray("emails"))))
			.list();
	}

	List<LegalEntity> legalEntities(long clientId) {
		return jdbc.sql("""
				select id, client_id, name, inn, kpp, ogrn, address, bank_accounts::text as accounts, version
				  from legal_entities where client_id = ? order by lower(name), id
				""")
			.param(clientId)
			.query((rs, row) -> new LegalEntity(rs.getLong("id"), rs.getLong("client_id"), rs.getString("name"),
					rs.getString("inn"), rs.getString("kpp"), rs.getString("ogrn"), rs.getString("address"),
					json.readValue(rs.getString("accounts"), ACCOUNTS), rs.getLong("version")))
			.list();
	}

	ClientCard.Completeness completeness(Client client) {
		List<String> required = requiredFields(client.kind().name());
		if (required.isEmpty()) {
			return new ClientCard.Completeness(100, List.of());
		}
		List<String> missing = new ArrayList<>();
		for (String field : required) {
			if (!RequiredFields.filled(client, field)) {
				missing.add(RequiredFields.labelKey(field));
			}
		}
		int percent = (int) Math.round(100.0 * (required.size() - missing.size()) / required.size());
		return new ClientCard.Completeness(percent, missing);
	}

	List<String> requiredFields(String kind) {
		return jdbc.sql("select field from client_required_fields where kind = ? order by field")
			.param(kind)
			.query(String.class)
			.list()
			.stream()
			.filter(RequiredFields.CHOOSABLE::contains)
			.toList();
	}

	private static List<String> strings(Array array) throws java.sql.SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> strings = new ArrayList<>(values.length);
		for (Object value : values) {
			strings.add(String.valueOf(value));
		}
		return strings;
	}

}
