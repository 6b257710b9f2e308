package io.clientele.clients.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.clientele.clients.Email;
import io.clientele.clients.ImportField;
import io.clientele.clients.ImportKind;
import io.clientele.clients.PersonName;
import io.clientele.clients.Phone;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import io.clientele.shared.db.CopyWriter;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports contact persons. Each works for a client the user may see, named in the row by
 * INN or by name, or else for the client chosen for the whole import. Duplicates are
 * found by phone and e-mail (namesakes are common; a name alone proves nothing).
 */
final class ContactImporter implements RecordImporter {

	private final ImportContext context;

	private final ImportSupport support;

	private final String phoneRegion;

	ContactImporter(ImportContext context, ImportSupport support, String phoneRegion) {
		this.context = context;
		this.support = support;
		this.phoneRegion = phoneRegion;
	}

	static final class ContactRow extends Row {

		final ContactData data;

		final @Nullable String company;

		final @Nullable String companyInn;

		final @Nullable String position;

		@Nullable Long clientId;

		ContactRow(long number, List<String> keys, ContactData data, @Nullable String company,
				@Nullable String companyInn, @Nullable String position) {
			super(number, keys);
			this.data = data;
			this.company = company;
			this.companyInn = companyInn;
			this.position = position;
		}

	}

	@Override
	public ImportKind kind() {
		return ImportKind.CONTACT;
	}

	@Override
	public String table() {
		return "contacts";
	}

	@Override
	public Row prepare(long rowNumber, ImportValues values) {
		String lastName = values.text(ImportField.LAST_NAME);
		String firstName = values.text(ImportField.FIRST_NAME);
		String middleName = values.text(ImportField.MIDDLE_NAME);
		if (lastName == null && firstName == null && values.has(ImportField.FULL_NAME)) {
			PersonName parts = PersonName.split(values.text(ImportField.FULL_NAME));
			lastName = parts.last();
			firstName = parts.first();
			middleName = parts.middle();
		}
		lastName = TextRules.line("lastName", lastName, ClientRules.TEXT_MAX);
		firstName = TextRules.line("firstName", firstName, ClientRules.TEXT_MAX);
		middleName = TextRules.line("middleName", middleName, ClientRules.TEXT_MAX);
		if (blank(lastName) && blank(firstName)) {
			throw new RuleViolation("lastName", "client.person-name-required");
		}
		List<String> parts = new ArrayList<>();
		for (String part : new String[] { lastName, firstName, middleName }) {
			if (!blank(part)) {
				parts.add(part);
			}
		}
		var birthday = values.date(ImportField.BIRTHDAY);
		if (birthday != null && (birthday.isAfter(java.time.LocalDate.now()) || birthday.getYear() < 1900)) {
			throw new RuleViolation("birthday", "date.implausible");
		}
		var custom = support.customFields().check(context.customFields(), values.custom(), Map.of(), true);
		// Address books hold "numbers" no phone could dial (a label, a short internal
		// number): they are kept as written in the notes, and the report says so.
		List<Phone> phones = new ArrayList<>();
		List<String> unusable = new ArrayList<>();
		for (Phone phone : values.phones()) {
			try {
				phones.addAll(ClientRules.phones(List.of(phone), phoneRegion));
			}
			catch (RuleViolation notANumber) {
				unusable.add(phone.number());
			}
		}
		String notes = values.text(ImportField.NOTES);
		if (!unusable.isEmpty()) {
			String kept = String.join(", ", unusable);
			notes = notes == null ? kept : notes + "\n" + kept;
		}
		ContactData data = new ContactData(lastName, firstName, middleName, String.join(" ", parts), birthday,
				ClientRules.phones(phones, phoneRegion), ClientRules.emails(values.emails()), List.of(),
				TextRules.multiline("notes", notes, ClientRules.NOTES_MAX), List.of(), custom);
		List<String> keys = new ArrayList<>();
		Phone.digitsOf(data.phones()).forEach(digits -> keys.add("phone:" + digits));
		Email.lowerCased(data.emails()).forEach(email -> keys.add("email:" + email));
		String inn = values.text(ImportField.COMPANY_INN);
		ContactRow row = new ContactRow(rowNumber, keys, data, values.text(ImportField.COMPANY),
				inn == null ? null : inn.replaceAll("\\s", ""),
				TextRules.line("work[0].position", values.text(ImportField.POSITION), ClientRules.TEXT_MAX));
		if (!unusable.isEmpty()) {
			row.note = new RuleViolation("phones", "import.noted.phone-in-notes", String.join(", ", unusable));
		}
		return row;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	@Override
	public void lookup(List<Row> rows) {
		List<ContactRow> contacts = rows.stream().map(ContactRow.class::cast).toList();
		employers(contacts);
		String[] phones = ImportSupport.keyValues(contacts, "phone");
		String[] emails = ImportSupport.keyValues(contacts, "email");
		if (phones.length == 0 && emails.length == 0) {
			return;
		}
		Map<String, Match> found = new HashMap<>();
		String visible = context.visibility().sqlCondition("cl");
		JdbcClient.StatementSpec query = support.jdbc()
			.sql("""
					select c.id, c.full_name, c.phone_digits, c.email_lower, c.import_id,
					       (select cl.responsible_id from client_contacts cc join clients cl on cl.id = cc.client_id
					         where cc.contact_id = c.id order by cl.id limit 1) as owner,
					       exists (select 1 from client_contacts cc join clients cl on cl.id = cc.client_id
					                where cc.contact_id = c.id and cl.deleted_at is null and %s) as visible
					  from (select c.* from %s union all select c.* from %s) c
					""".formatted(visible,
					ImportSupport.probes("contacts", "c", "phone_digits", "cast(:phones as text[])",
							"c.deleted_at is null"),
					ImportSupport.probes("contacts", "c", "email_lower", "cast(:emails as text[])",
							"c.deleted_at is null")))
			.param("phones", phones)
			.param("emails", emails);
		context.visibility().bind(query).query(rs -> {
			ImportSupport.fileByPhoneAndEmail(rs, rs.getString("full_name"), rs.getBoolean("visible"),
					ImportSupport.nullableLong(rs, "owner"), context.importId(), found);
		});
		ImportSupport.matchStrongestKey(contacts, found);
	}

	/** Finds the client each row's person works for. */
	private void employers(List<ContactRow> rows) {
		Set<String> inns = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (ContactRow row : rows) {
			if (row.companyInn != null) {
				inns.add(row.companyInn);
			}
			else if (row.company != null) {
				names.add(row.company);
			}
		}
		Map<String, List<Long>> byInn = new HashMap<>();
		Map<String, List<Long>> byName = new HashMap<>();
		String visible = context.visibility().sqlCondition("c");
		if (!inns.isEmpty()) {
			context.visibility()
				.bind(support.jdbc()
					.sql("select c.id, c.inn from clients c where c.deleted_at is null and c.kind = 'ORGANISATION'"
							+ " and c.inn = any(cast(:inns as text[])) and " + visible + " order by c.id")
					.param("inns", inns.toArray(String[]::new)))
				.query(rs -> {
					byInn.computeIfAbsent(rs.getString("inn"), key -> new ArrayList<>()).add(rs.getLong("id"));
				});
		}
		if (!names.isEmpty()) {
			context.visibility().bind(support.jdbc().sql("""
					select n.name, c.id from unnest(cast(:names as text[])) as n(name)
					  join clients c on c.name_key = clientele_name_key(n.name)
					 where c.deleted_at is null and c.kind = 'ORGANISATION' and %s order by c.id
					""".formatted(visible)).param("names", names.toArray(String[]::new))).query(rs -> {
				byName.computeIfAbsent(rs.getString("name"), key -> new ArrayList<>()).add(rs.getLong("id"));
			});
		}
		for (ContactRow row : rows) {
			List<Long> candidates;
			String field;
			if (row.companyInn != null) {
				candidates = byInn.getOrDefault(row.companyInn, List.of());
				field = ImportField.COMPANY_INN.key();
			}
			else if (row.company != null) {
				candidates = byName.getOrDefault(row.company, List.of());
				field = ImportField.COMPANY.key();
			}
			else {
				candidates = context.defaultClientId() == null ? List.of() : List.of(context.defaultClientId());
				field = ImportField.COMPANY.key();
			}
			if (candidates.isEmpty() && context.defaultClientId() != null
					&& (row.company != null || row.companyInn != null)) {
				row.note = new RuleViolation(field, "import.noted.client-not-found",
						row.companyInn != null ? row.companyInn : row.company);
				candidates = List.of(context.defaultClientId());
			}
			if (candidates.size() == 1) {
				row.clientId = candidates.get(0);
			}
			else if (candidates.size() > 1) {
				row.refusal = new RuleViolation(field, "import.client.ambiguous", candidates.size());
			}
			else if (row.company == null && row.companyInn == null) {
				row.refusal = new RuleViolation(field, "import.client.missing");
			}
			else {
				row.refusal = new RuleViolation(field, "import.client.not-found",
						row.companyInn != null ? row.companyInn : row.company);
			}
		}
	}

	/**
	 * What a contact person of this client carries for its readers (decision 5): the
	 * client's responsible manager and its segments, sorted as the trigger writes them.
	 */
	private record Readers(List<Long> responsible, List<Long> segments) {

		static final Readers NONE = new Readers(List.of(), List.of());

	}

	/**
	 * The contact persons are copied in with what the links' trigger would compute for
	 * them, so that it finds nothing to change: writing 100,000 fresh rows a second time
	 * (every index entry again) took 22 of the 26 seconds of their links.
	 */
	private Map<Long, Readers> readersOf(List<Row> rows) {
		Long[] clients = rows.stream()
			.map(row -> ((ContactRow) row).clientId)
			.filter(Objects::nonNull)
			.distinct()
			.toArray(Long[]::new);
		Map<Long, Readers> readers = new HashMap<>();
		support.jdbc()
			.sql("select id, responsible_id, segment_ids from clients where id = any(:ids) and deleted_at is null")
			.param("ids", clients)
			.query(rs -> {
				Object[] segments = (Object[]) rs.getArray(3).getArray();
				readers.put(rs.getLong(1), new Readers(List.of(rs.getLong(2)),
						Arrays.stream(segments).map(id -> ((Number) id).longValue()).distinct().sorted().toList()));
			});
		return readers;
	}

	@Override
	public void create(List<Row> rows) throws SQLException {
		JsonMapper json = support.json();
		Map<Long, Readers> readers = readersOf(rows);
		try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(support.dataSource()), """
				contacts (last_name, first_name, middle_name, full_name, birthday, phones, emails, messengers, notes,
				 custom, phone_digits, email_lower, created_at, created_by, updated_at, import_id, import_row,
				 client_responsible_ids, client_segment_ids)""")) {
			for (Row row : rows) {
				ContactData data = ((ContactRow) row).data;
				Readers carried = readers.getOrDefault(((ContactRow) row).clientId, Readers.NONE);
				copy.value(data.lastName())
					.value(data.firstName())
					.value(data.middleName())
					.value(data.fullName())
					.value(data.birthday())
					.value(json.writeValueAsString(data.phones()))
					.value(json.writeValueAsString(data.emails()))
					.value("[]")
					.value(data.notes())
					.value(json.writeValueAsString(data.custom()))
					.array(Phone.digitsOf(data.phones()))
					.array(Email.lowerCased(data.emails()))
					.value(context.now())
					.value(context.author().id())
					.value(context.now())
					.value(context.importId())
					.value(row.number)
					.array(carried.responsible())
					.array(carried.segments());
				copy.endRow();
			}
		}
		List<ContactRow> linked = rows.stream().map(ContactRow.class::cast).toList();
		support.jdbc()
			.sql("""
					insert into client_contacts (client_id, contact_id, position)
					select x.client_id, c.id, x.position
					  from unnest(cast(:clients as bigint[]), cast(:rows as bigint[]), cast(:positions as text[]))
					       as x(client_id, row_number, position)
					  join contacts c on c.import_id = :import and c.import_row = x.row_number
					""")
			.param("clients", linked.stream().map(row -> row.clientId).toArray(Long[]::new))
			.param("rows", linked.stream().map(row -> row.number).toArray(Long[]::new))
			.param("positions", linked.stream().map(row -> row.position).toArray(String[]::new))
			.param("import", context.importId())
			.update();
	}

	/**
	 * Phones and e-mails are added; the birthday, notes and custom fields the file gives
	 * replace the contact's. The name and the clients they work for stay.
	 */
	@Override
	public void update(List<Row> rows) {
		support.rememberBefore(context.importId(), "contact", "contacts",
				rows.stream().map(row -> row.match.id()).toList());
		EntityManager entities = support.entities();
		for (Row row : rows) {
			ContactData file = ((ContactRow) row).data;
			Contact contact = entities.find(Contact.class, row.match.id());
			Map<String, Object> custom = new LinkedHashMap<>(contact.custom());
			custom.putAll(file.custom());
			ContactData merged = new ContactData(contact.lastName(), contact.firstName(), contact.middleName(),
					contact.fullName(), file.birthday() == null ? contact.birthday() : file.birthday(),
					ImportSupport.union(contact.phones(), file.phones(), Phone::number),
					ImportSupport.union(contact.emails(), file.emails(),
							email -> email.address().toLowerCase(Locale.ROOT)),
					contact.messengers(), file.notes() == null ? contact.notes() : file.notes(), contact.work(),
					custom);
			List<FieldChange> changes = support.contactStore()
				.update(contact, merged, context.customFields(), context.now());
			support.publishUpdate("contact", contact.id(), changes, context);
		}
		entities.flush();
	}

	@Override
	public void restoreUpdated() {
		support.restoreUpdated(context.importId(), "contact", "contacts", """
				birthday = b.birthday, phones = b.phones, emails = b.emails, notes = b.notes, custom = b.custom,
				phone_digits = b.phone_digits, email_lower = b.email_lower""");
	}

}
