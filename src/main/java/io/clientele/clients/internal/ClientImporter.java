package io.clientele.clients.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.clientele.clients.Address;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.Email;
import io.clientele.clients.ImportField;
import io.clientele.clients.ImportKind;
import io.clientele.clients.PersonName;
import io.clientele.clients.Phone;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.shared.db.CopyWriter;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports clients: checked by the same rules as the client form, duplicates found by INN,
 * phone, e-mail and the normalised name (when the tax ids do not contradict it).
 */
final class ClientImporter implements RecordImporter {

	private static final String MATCH_COLUMNS = "c.id, c.name, c.responsible_id, c.segment_ids, c.import_id, c.inn";

	private final ImportContext context;

	private final ImportSupport support;

	private final String phoneRegion;

	ClientImporter(ImportContext context, ImportSupport support, String phoneRegion) {
		this.context = context;
		this.support = support;
		this.phoneRegion = phoneRegion;
	}

	static final class ClientRow extends Row {

		final ClientData data;

		@Nullable String nameKey;

		final ImportValues values;

		ClientRow(long number, List<String> keys, ClientData data, ImportValues values) {
			super(number, keys);
			this.data = data;
			this.values = values;
		}

	}

	@Override
	public ImportKind kind() {
		return ImportKind.CLIENT;
	}

	@Override
	public String table() {
		return "clients";
	}

	@Override
	public Row prepare(long rowNumber, ImportValues values) {
		ClientDraft draft = draft(values);
		Long named = context.responsible(values.text(ImportField.RESPONSIBLE));
		long responsible = named == null ? context.author().id() : named;
		var custom = support.customFields().check(context.customFields(), values.custom(), Map.of(), true);
		ClientData data = ClientRules.check(draft, phoneRegion, responsible, custom);
		List<String> keys = new ArrayList<>();
		if (data.inn() != null) {
			keys.add("inn:" + data.inn());
		}
		Phone.digitsOf(data.phones()).forEach(digits -> keys.add("phone:" + digits));
		Email.lowerCased(data.emails()).forEach(email -> keys.add("email:" + email));
		return new ClientRow(rowNumber, keys, data, values);
	}

	private ClientDraft draft(ImportValues values) {
		ClientKind kind = kind(values);
		String lastName = values.text(ImportField.LAST_NAME);
		String firstName = values.text(ImportField.FIRST_NAME);
		String middleName = values.text(ImportField.MIDDLE_NAME);
		String name = values.text(ImportField.NAME);
		if (kind == ClientKind.INDIVIDUAL && lastName == null && firstName == null) {
			PersonName parts = PersonName
				.split(values.has(ImportField.FULL_NAME) ? values.text(ImportField.FULL_NAME) : name);
			lastName = parts.last();
			firstName = parts.first();
			middleName = parts.middle();
		}
		List<Address> addresses = new ArrayList<>();
		String address = values.text(ImportField.ADDRESS);
		String city = values.text(ImportField.CITY);
		if (address != null || city != null) {
			addresses.add(new Address(Address.Kind.ACTUAL, address == null ? city : address, city, null));
		}
		return new ClientDraft(kind, name, values.text(ImportField.SHORT_NAME), lastName, firstName, middleName,
				values.text(ImportField.INN), values.text(ImportField.KPP), values.text(ImportField.OGRN),
				values.text(ImportField.INDUSTRY), null, values.text(ImportField.WEBSITE),
				values.text(ImportField.SOURCE), values.date(ImportField.BIRTHDAY), null,
				values.text(ImportField.NOTES), values.phones(), values.emails(), List.of(), addresses, List.of(),
				List.of(), List.of(), null, Map.of());
	}

	/**
	 * The kind a cell names; without one, a row that has a person's name but no company
	 * name is an individual.
	 */
	private static ClientKind kind(ImportValues values) {
		String text = values.text(ImportField.KIND);
		if (text == null) {
			boolean person = values.has(ImportField.LAST_NAME) || values.has(ImportField.FIRST_NAME)
					|| values.has(ImportField.FULL_NAME);
			return person && !values.has(ImportField.NAME) ? ClientKind.INDIVIDUAL : ClientKind.ORGANISATION;
		}
		String kind = text.strip().toLowerCase(Locale.ROOT);
		if (kind.startsWith("физ") || kind.startsWith("частн") || kind.startsWith("individual")
				|| kind.startsWith("person") || kind.startsWith("private")) {
			return ClientKind.INDIVIDUAL;
		}
		if (kind.startsWith("орг") || kind.startsWith("юр") || kind.equals("ип") || kind.startsWith("company")
				|| kind.startsWith("organi") || kind.startsWith("business")) {
			return ClientKind.ORGANISATION;
		}
		throw new RuleViolation("kind", "import.kind.unknown", text);
	}

	@Override
	public void lookup(List<Row> rows) {
		List<ClientRow> clients = rows.stream().map(ClientRow.class::cast).toList();
		JdbcClient jdbc = support.jdbc();
		List<String> keys = jdbc
			.sql("select clientele_name_key(n) from unnest(?::text[]) with ordinality as u(n, i) order by i")
			.param(clients.stream().map(row -> row.data.name()).toArray(String[]::new))
			.query((rs, n) -> rs.getString(1))
			.list();
		for (int i = 0; i < clients.size(); i++) {
			ClientRow row = clients.get(i);
			row.nameKey = keys.get(i);
			if (row.nameKey != null) {
				row.keys.add("name:" + row.nameKey);
			}
		}
		Map<String, List<Found>> found = new HashMap<>();
		// rule, the values it matched, and where they are found; a name shared by many
		// clients yields its 20 oldest (a common name with 20 different tax ids is no
		// duplicate signal)
		String live = "c.deleted_at is null";
		String[][] rules = { { "inn", "array[c.inn]", "clients c where " + live + " and c.inn = any(?)" },
				{ "phone", "array[k.v]", ImportSupport.probes("clients", "c", "phone_digits", "?::text[]", live) },
				{ "email", "array[k.v]", ImportSupport.probes("clients", "c", "email_lower", "?::text[]", live) },
				{ "name", "array[k.v]", "unnest(?::text[]) as k(v) cross join lateral (select * from clients c where "
						+ live + " and c.name_key = k.v order by c.id limit 20) c" } };
		for (String[] rule : rules) {
			String[] values = ImportSupport.keyValues(clients, rule[0]);
			if (values.length > 0) {
				collect(found, rule[0],
						jdbc.sql("select " + MATCH_COLUMNS + ", " + rule[1] + " as matched from " + rule[2])
							.param(values));
			}
		}
		found.values().forEach(candidates -> candidates.sort(Comparator.comparingLong(Found::id)));
		for (ClientRow row : clients) {
			row.match = firstMatch(row, found);
		}
	}

	/**
	 * The oldest record under the row's strongest key; a namesake must not contradict its
	 * INN.
	 */
	private @Nullable Match firstMatch(ClientRow row, Map<String, List<Found>> found) {
		for (String key : row.keys) {
			boolean name = key.startsWith("name:");
			for (Found match : found.getOrDefault(key, List.of())) {
				if (name && match.inn != null && row.data.inn() != null && !match.inn.equals(row.data.inn())) {
					continue;
				}
				return new Match(match.id, key.substring(0, key.indexOf(':')), match.name,
						context.visibility().covers(match.responsibleId, match.segmentIds), match.responsibleId,
						match.importId != null && match.importId == context.importId());
			}
		}
		return null;
	}

	private record Found(long id, String name, long responsibleId, List<Long> segmentIds, @Nullable Long importId,
			@Nullable String inn) {
	}

	private static void collect(Map<String, List<Found>> found, String rule, JdbcClient.StatementSpec query) {
		query.query(rs -> {
			Found match = new Found(rs.getLong("id"), rs.getString("name"), rs.getLong("responsible_id"),
					ImportSupport.longs(rs.getArray("segment_ids")), ImportSupport.nullableLong(rs, "import_id"),
					rs.getString("inn"));
			for (Object value : (Object[]) rs.getArray("matched").getArray()) {
				found.computeIfAbsent(rule + ":" + value, key -> new ArrayList<>()).add(match);
			}
		});
	}

	@Override
	public void create(List<Row> rows) throws SQLException {
		JsonMapper json = support.json();
		DataSource dataSource = support.dataSource();
		try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(dataSource), """
				clients (kind, name, short_name, last_name, first_name, middle_name, inn, kpp, ogrn, industry,
				 company_size, website, source, birthday, founded_on, notes, city, phones, emails, messengers,
				 addresses, bank_accounts, key_dates, custom, segment_ids, phone_digits, email_lower, responsible_id,
				 created_at, created_by, updated_at, import_id, import_row)""")) {
			for (Row row : rows) {
				ClientData data = ((ClientRow) row).data;
				copy.value(data.kind())
					.value(data.name())
					.value(data.shortName())
					.value(data.lastName())
					.value(data.firstName())
					.value(data.middleName())
					.value(data.inn())
					.value(data.kpp())
					.value(data.ogrn())
					.value(data.industry())
					.value(data.size())
					.value(data.website())
					.value(data.source())
					.value(data.birthday())
					.value(data.foundedOn())
					.value(data.notes())
					.value(data.city())
					.value(json.writeValueAsString(data.phones()))
					.value(json.writeValueAsString(data.emails()))
					.value(json.writeValueAsString(data.messengers()))
					.value(json.writeValueAsString(data.addresses()))
					.value(json.writeValueAsString(data.bankAccounts()))
					.value(json.writeValueAsString(data.keyDates()))
					.value(json.writeValueAsString(data.custom()))
					.array(data.segmentIds())
					.array(Phone.digitsOf(data.phones()))
					.array(Email.lowerCased(data.emails()))
					.value(data.responsibleId())
					.value(context.now())
					.value(context.author().id())
					.value(context.now())
					.value(context.importId())
					.value(row.number);
				copy.endRow();
			}
		}
	}

	/**
	 * Mapped fields are replaced by the file's non-empty values, except the name, the
	 * kind and a tax id the client already has; phones, e-mails and addresses are added.
	 */
	@Override
	public void update(List<Row> rows) {
		support.rememberBefore(context.importId(), "client", "clients",
				rows.stream().map(row -> row.match.id()).toList());
		EntityManager entities = support.entities();
		for (Row row : rows) {
			ClientRow imported = (ClientRow) row;
			Client client = entities.find(Client.class, row.match.id());
			ClientData before = client.data();
			ClientData file = imported.data;
			ImportValues values = imported.values;
			Map<String, Object> custom = new java.util.LinkedHashMap<>(before.custom());
			custom.putAll(file.custom());
			ClientData merged = new ClientData(before.kind(), before.name(),
					pick(values, ImportField.SHORT_NAME, file.shortName(), before.shortName()), before.lastName(),
					before.firstName(), before.middleName(), before.inn() == null ? file.inn() : before.inn(),
					pick(values, ImportField.KPP, file.kpp(), before.kpp()),
					pick(values, ImportField.OGRN, file.ogrn(), before.ogrn()),
					pick(values, ImportField.INDUSTRY, file.industry(), before.industry()), before.size(),
					pick(values, ImportField.WEBSITE, file.website(), before.website()),
					pick(values, ImportField.SOURCE, file.source(), before.source()),
					file.birthday() == null ? before.birthday() : file.birthday(), before.foundedOn(),
					pick(values, ImportField.NOTES, file.notes(), before.notes()),
					ImportSupport.union(before.phones(), file.phones(), Phone::number),
					ImportSupport.union(before.emails(), file.emails(),
							email -> email.address().toLowerCase(Locale.ROOT)),
					before.messengers(), ImportSupport.union(before.addresses(), file.addresses(), Address::text),
					before.bankAccounts(), before.keyDates(), before.segmentIds(),
					values.has(ImportField.RESPONSIBLE) ? file.responsibleId() : before.responsibleId(), custom);
			List<FieldChange> changes = support.clientStore()
				.update(client, merged, context.customFields(), context.now());
			support.publishUpdate("client", client.id(), changes, context);
		}
		entities.flush();
	}

	private static @Nullable String pick(ImportValues values, ImportField field, @Nullable String file,
			@Nullable String before) {
		return values.has(field) && file != null ? file : before;
	}

	@Override
	public void restoreUpdated() {
		support.restoreUpdated(context.importId(), "client", "clients", """
				name = b.name, short_name = b.short_name, last_name = b.last_name, first_name = b.first_name,
				middle_name = b.middle_name, inn = b.inn, kpp = b.kpp, ogrn = b.ogrn, industry = b.industry,
				website = b.website, source = b.source, birthday = b.birthday, notes = b.notes, city = b.city,
				phones = b.phones, emails = b.emails, addresses = b.addresses, custom = b.custom,
				phone_digits = b.phone_digits, email_lower = b.email_lower, responsible_id = b.responsible_id""");
	}

}
