package io.clientele.clients.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.clients.LeadCard;
import io.clientele.clients.LeadDraft;
import io.clientele.clients.LeadSource;
import io.clientele.clients.LeadStatus;
import io.clientele.identity.AccessScope;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks, loads and saves leads for {@link io.clientele.clients.Leads}. A lead is visible
 * to whoever's scope covers its responsible manager, and while nobody is responsible, to
 * the heads whose departments span its queue.
 */
@Component
public class LeadStore {

	public static final int NAME_MAX = 200;

	public static final int MESSAGE_MAX = 5_000;

	private static final String SELECT = """
			select l.*, r.name as rejection_reason from leads l
			  left join lead_rejection_reasons r on r.id = l.rejection_reason_id
			""";

	private final JdbcClient jdbc;

	private final CustomFields customFields;

	private final JsonMapper json;

	private final String phoneRegion;

	LeadStore(JdbcClient jdbc, CustomFields customFields, JsonMapper json, ClienteleProperties properties) {
		this.jdbc = jdbc;
		this.customFields = customFields;
		this.json = json;
		this.phoneRegion = properties.phoneRegion();
	}

	/** A lead's fields, checked. */
	public record LeadData(String name, @Nullable String company, @Nullable String phone, @Nullable String email,
			@Nullable String message, LeadSource source, @Nullable String channel, Map<String, Object> custom) {
	}

	public LeadData check(LeadDraft draft, @Nullable LeadCard existing) {
		return check(draft, existing, customFields.of("LEAD"));
	}

	/** Checks the draft against custom fields the caller has read already (an import). */
	public LeadData check(LeadDraft draft, @Nullable LeadCard existing, List<CustomField> fields) {
		String name = TextRules.required("name", draft.name(), NAME_MAX);
		String company = TextRules.line("company", draft.company(), NAME_MAX);
		String phone = ClientRules.phone("phone", draft.phone(), phoneRegion);
		String email = ClientRules.email("email", draft.email());
		if (phone == null && email == null) {
			throw new RuleViolation("phone", "lead.phone-or-email-required");
		}
		Map<String, Object> custom = customFields.check(fields, draft.custom(),
				existing == null ? Map.of() : existing.custom(), true);
		return new LeadData(name.strip(), blankToNull(company), phone, email,
				TextRules.multiline("message", draft.message(), MESSAGE_MAX), draft.source(),
				blankToNull(TextRules.line("channel", draft.channel(), NAME_MAX)), custom);
	}

	public long insert(LeadData data, @Nullable Long responsibleId, long departmentId, @Nullable Long formId,
			@Nullable Long actorId, Instant now) {
		return jdbc.sql("""
				insert into leads (name, company, phone, email, message, source, channel, status, responsible_id,
				                   department_id, form_id, custom, phone_digits, email_lower, created_at, created_by,
				                   updated_at)
				values (:name, :company, :phone, :email, :message, :source, :channel, 'NEW', :responsible,
				        :department, :form, cast(:custom as jsonb), :digits, :emails, :now, :actor, :now)
				returning id
				""")
			.paramSource(params(data).addValue("responsible", responsibleId)
				.addValue("department", departmentId)
				.addValue("form", formId)
				.addValue("actor", actorId)
				.addValue("now", Timestamp.from(now)))
			.query(Long.class)
			.single();
	}

	/** Saves new field values; the version must be the one the user edited. */
	public List<FieldChange> update(LeadCard lead, long version, LeadData data, Instant now) {
		int updated = jdbc.sql("""
				update leads set name = :name, company = :company, phone = :phone, email = :email,
				       message = :message, source = :source, channel = :channel, custom = cast(:custom as jsonb),
				       phone_digits = :digits, email_lower = :emails, updated_at = :now, version = version + 1
				 where id = :id and version = :version
				""")
			.paramSource(params(data).addValue("now", Timestamp.from(now))
				.addValue("id", lead.id())
				.addValue("version", version))
			.update();
		if (updated == 0) {
			throw new ConcurrentEdit("Lead", lead.id(), version, lead.version());
		}
		List<FieldChange> changes = new ArrayList<>();
		change(changes, "lead.field.name", lead.name(), data.name());
		change(changes, "lead.field.company", lead.company(), data.company());
		change(changes, "lead.field.phone", shown(lead.phone()), shown(data.phone()));
		change(changes, "lead.field.email", lead.email(), data.email());
		change(changes, "lead.field.message", lead.message(), data.message());
		if (lead.source() != data.source()) {
			changes
				.add(FieldChange.ofKeys("lead.field.source", lead.source().messageKey(), data.source().messageKey()));
		}
		change(changes, "lead.field.channel", lead.channel(), data.channel());
		return changes;
	}

	public List<FieldChange> initial(LeadData data) {
		List<FieldChange> changes = new ArrayList<>();
		change(changes, "lead.field.name", null, data.name());
		change(changes, "lead.field.company", null, data.company());
		change(changes, "lead.field.phone", null, shown(data.phone()));
		change(changes, "lead.field.email", null, data.email());
		changes.add(FieldChange.ofKeys("lead.field.source", null, data.source().messageKey()));
		change(changes, "lead.field.channel", null, data.channel());
		return changes;
	}

	/** Moves the lead to another status, checking the version the user saw. */
	public void status(LeadCard lead, long version, LeadStatus status, @Nullable Long reasonId, @Nullable String note,
			Instant now) {
		int updated = jdbc.sql("""
				update leads set status = :status, rejection_reason_id = :reason, rejection_note = :note,
				       updated_at = :now, version = version + 1
				 where id = :id and version = :version
				""")
			.param("status", status.name())
			.param("reason", reasonId)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.param("id", lead.id())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new ConcurrentEdit("Lead", lead.id(), version, lead.version());
		}
	}

	public void assign(long id, long userId, Instant now) {
		assign(List.of(id), userId, now);
	}

	public void assign(List<Long> ids, long userId, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("update leads set responsible_id = ?, updated_at = ?, version = version + 1 where id = any(?)")
			.params(userId, Timestamp.from(now), ids.toArray(Long[]::new))
			.update();
	}

	public void converted(LeadCard lead, long version, long clientId, @Nullable Long contactId, @Nullable Long dealId,
			Instant now) {
		int updated = jdbc.sql("""
				update leads set status = 'CONVERTED', client_id = :client, contact_id = :contact, deal_id = :deal,
				       converted_at = :now, updated_at = :now, version = version + 1
				 where id = :id and version = :version and status <> 'CONVERTED'
				""")
			.param("client", clientId)
			.param("contact", contactId)
			.param("deal", dealId)
			.param("now", Timestamp.from(now))
			.param("id", lead.id())
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new ConcurrentEdit("Lead", lead.id(), version, lead.version());
		}
	}

	public LeadCard visible(long id, AccessScope scope) {
		return find(id).filter(lead -> scope.coversQueued(lead.responsibleId(), lead.departmentId()))
			.orElseThrow(() -> new RecordNotFound("Lead", id));
	}

	/**
	 * The leads, in the order asked for, all of them visible; any other is refused as not
	 * found.
	 */
	public List<LeadCard> visible(List<Long> ids, AccessScope scope) {
		Map<Long, LeadCard> found = new java.util.HashMap<>();
		jdbc.sql(SELECT + " where l.id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::card)
			.list()
			.forEach(lead -> found.put(lead.id(), lead));
		List<LeadCard> leads = new ArrayList<>();
		for (Long id : ids) {
			LeadCard lead = found.get(id);
			if (lead == null || !scope.coversQueued(lead.responsibleId(), lead.departmentId())) {
				throw new RecordNotFound("Lead", id);
			}
			if (!leads.contains(lead)) {
				leads.add(lead);
			}
		}
		return leads;
	}

	public java.util.Optional<LeadCard> find(long id) {
		return jdbc.sql(SELECT + " where l.id = ?").param(id).query(this::card).optional();
	}

	public @Nullable String reasonName(long reasonId) {
		return jdbc.sql("select name from lead_rejection_reasons where id = ? and active")
			.param(reasonId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private LeadCard card(ResultSet rs, int row) throws SQLException {
		return new LeadCard(rs.getLong("id"), rs.getLong("version"), rs.getString("name"), rs.getString("company"),
				rs.getString("phone"), rs.getString("email"), rs.getString("message"),
				LeadSource.valueOf(rs.getString("source")), rs.getString("channel"),
				LeadStatus.valueOf(rs.getString("status")), rs.getObject("rejection_reason_id", Long.class),
				rs.getString("rejection_reason"), rs.getString("rejection_note"),
				rs.getObject("responsible_id", Long.class), rs.getLong("department_id"),
				rs.getObject("form_id", Long.class), rs.getObject("client_id", Long.class),
				rs.getObject("contact_id", Long.class), instant(rs, "converted_at"), custom(rs.getString("custom")),
				instant(rs, "created_at"), instant(rs, "updated_at"), rs.getObject("deal_id", Long.class));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> custom(String value) {
		return json.readValue(value, Map.class);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(LeadData data) {
		return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("name", data.name())
			.addValue("company", data.company())
			.addValue("phone", data.phone())
			.addValue("email", data.email())
			.addValue("message", data.message())
			.addValue("source", data.source().name())
			.addValue("channel", data.channel())
			.addValue("custom", json.writeValueAsString(data.custom()))
			.addValue("digits",
					data.phone() == null ? new String[0] : new String[] { PhoneNumbers.digits(data.phone()) })
			.addValue("emails", data.email() == null ? new String[0]
					: new String[] { data.email().toLowerCase(java.util.Locale.ROOT) });
	}

	private static void change(List<FieldChange> changes, String field, @Nullable String before,
			@Nullable String after) {
		String was = blankToNull(before);
		String now = blankToNull(after);
		if (!java.util.Objects.equals(was, now)) {
			changes.add(FieldChange.of(field, was, now));
		}
	}

	private static @Nullable String shown(@Nullable String phone) {
		return phone == null ? null : PhoneNumbers.display(phone);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
