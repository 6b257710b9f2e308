package io.clientele.clients.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ImportField;
import io.clientele.clients.ImportKind;
import io.clientele.clients.LeadCard;
import io.clientele.clients.LeadDraft;
import io.clientele.clients.LeadSource;
import io.clientele.clients.internal.LeadStore.LeadData;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.db.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Imports leads (source "import"). A lead holds one phone and one e-mail; further ones in
 * the row are kept in its message. Without a responsible, a lead waits in the queue of
 * the importing user's department, or is the importing manager's own.
 */
final class LeadImporter implements RecordImporter {

	private final ImportContext context;

	private final ImportSupport support;

	LeadImporter(ImportContext context, ImportSupport support) {
		this.context = context;
		this.support = support;
	}

	static final class LeadRow extends Row {

		final LeadData data;

		final @Nullable Long responsibleId;

		final boolean responsibleGiven;

		LeadRow(long number, List<String> keys, LeadData data, @Nullable Long responsibleId, boolean responsibleGiven) {
			super(number, keys);
			this.data = data;
			this.responsibleId = responsibleId;
			this.responsibleGiven = responsibleGiven;
		}

	}

	@Override
	public ImportKind kind() {
		return ImportKind.LEAD;
	}

	@Override
	public String table() {
		return "leads";
	}

	@Override
	public Row prepare(long rowNumber, ImportValues values) {
		List<String> phones = values.several(ImportField.PHONE);
		List<String> emails = values.several(ImportField.EMAIL);
		String message = values.text(ImportField.MESSAGE);
		List<String> extra = new ArrayList<>();
		extra.addAll(phones.size() > 1 ? phones.subList(1, phones.size()) : List.of());
		extra.addAll(emails.size() > 1 ? emails.subList(1, emails.size()) : List.of());
		if (!extra.isEmpty()) {
			message = (message == null ? "" : message + "\n") + String.join(", ", extra);
		}
		Long responsible = context.responsible(values.text(ImportField.RESPONSIBLE));
		if (responsible == null && context.authorIsManager()) {
			responsible = context.author().id();
		}
		LeadDraft draft = new LeadDraft(values.text(ImportField.NAME), values.text(ImportField.COMPANY),
				phones.isEmpty() ? null : phones.get(0), emails.isEmpty() ? null : emails.get(0), message,
				LeadSource.IMPORT, values.text(ImportField.CHANNEL), responsible, null, values.custom());
		LeadData data = support.leadStore().check(draft, null, context.customFields());
		List<String> keys = new ArrayList<>();
		if (data.phone() != null) {
			keys.add("phone:" + PhoneNumbers.digits(data.phone()));
		}
		if (data.email() != null) {
			keys.add("email:" + data.email().toLowerCase(Locale.ROOT));
		}
		return new LeadRow(rowNumber, keys, data, responsible, values.has(ImportField.RESPONSIBLE));
	}

	@Override
	public void lookup(List<Row> rows) {
		String[] phones = ImportSupport.keyValues(rows, "phone");
		String[] emails = ImportSupport.keyValues(rows, "email");
		var scope = context.visibility().scope();
		Map<String, Match> found = new HashMap<>();
		JdbcClient.StatementSpec query = support.jdbc()
			.sql("""
					select l.id, l.name, l.phone_digits, l.email_lower, l.import_id, l.responsible_id, l.department_id,
					       %s as visible
					  from (select l.* from %s union all select l.* from %s) l
					""".formatted(scope.queueCondition("l.responsible_id", "l.department_id"),
					ImportSupport.probes("leads", "l", "phone_digits", "cast(:phones as text[])", "true"),
					ImportSupport.probes("leads", "l", "email_lower", "cast(:emails as text[])", "true")))
			.param("phones", phones)
			.param("emails", emails);
		scope.bindQueue(query).query(rs -> {
			ImportSupport.fileByPhoneAndEmail(rs, rs.getString("name"), rs.getBoolean("visible"),
					ImportSupport.nullableLong(rs, "responsible_id"), context.importId(), found);
		});
		ImportSupport.matchStrongestKey(rows, found);
	}

	@Override
	public void create(List<Row> rows) throws SQLException {
		try (CopyWriter copy = new CopyWriter(DataSourceUtils.getConnection(support.dataSource()), """
				leads (name, company, phone, email, message, source, channel, status, responsible_id, department_id,
				 custom, phone_digits, email_lower, created_at, created_by, updated_at, import_id, import_row)""")) {
			for (Row row : rows) {
				LeadRow lead = (LeadRow) row;
				LeadData data = lead.data;
				long department = lead.responsibleId == null ? context.author().departmentId()
						: context.departments().getOrDefault(lead.responsibleId, context.author().departmentId());
				copy.value(data.name())
					.value(data.company())
					.value(data.phone())
					.value(data.email())
					.value(data.message())
					.value(data.source())
					.value(data.channel())
					.value("NEW")
					.value(lead.responsibleId)
					.value(department)
					.value(support.json().writeValueAsString(data.custom()))
					.array(data.phone() == null ? List.of() : List.of(PhoneNumbers.digits(data.phone())))
					.array(data.email() == null ? List.of() : List.of(data.email().toLowerCase(Locale.ROOT)))
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
	 * The file's company, message, channel and custom fields replace the lead's; a phone
	 * or e-mail the lead lacks is filled in; the name stays.
	 */
	@Override
	public void update(List<Row> rows) {
		support.rememberBefore(context.importId(), "lead", "leads", rows.stream().map(row -> row.match.id()).toList());
		for (Row row : rows) {
			LeadData file = ((LeadRow) row).data;
			LeadCard lead = support.leadStore().find(row.match.id()).orElseThrow();
			Map<String, Object> custom = new LinkedHashMap<>(lead.custom());
			custom.putAll(file.custom());
			LeadData merged = new LeadData(lead.name(), file.company() == null ? lead.company() : file.company(),
					lead.phone() == null ? file.phone() : lead.phone(),
					lead.email() == null ? file.email() : lead.email(),
					file.message() == null ? lead.message() : file.message(), lead.source(),
					file.channel() == null ? lead.channel() : file.channel(), custom);
			List<FieldChange> changes = support.leadStore().update(lead, lead.version(), merged, context.now());
			support.publishUpdate("lead", lead.id(), changes, context);
		}
	}

	@Override
	public void restoreUpdated() {
		support.restoreUpdated(context.importId(), "lead", "leads", """
				company = b.company, phone = b.phone, email = b.email, message = b.message, channel = b.channel,
				custom = b.custom, phone_digits = b.phone_digits, email_lower = b.email_lower""");
	}

}
