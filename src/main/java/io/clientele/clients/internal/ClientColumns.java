package io.clientele.clients.internal;

import io.clientele.shared.lists.ListColumn;
import io.clientele.shared.lists.ListSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;

import io.clientele.shared.lists.ListColumn.FilterType;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.springframework.stereotype.Component;

/**
 * The columns of the client list: the client's own fields and the active extra fields.
 * Every sort expression is backed by the indexes of {@code V…__clients.sql} where the
 * list is large enough to need it (name, city, dates, responsible).
 */
@Component
public class ClientColumns {

	public static final List<String> DEFAULT = List.of("name", "kind", "inn", "city", "phone", "responsible");

	private static final List<ListColumn> BUILT_IN = List.of(
			new ListColumn("name", "client.field.name", false, "c.name", "lower(c.name)", SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("kind", "client.field.kind", false, "c.kind", "c.kind", SortType.TEXT, FilterType.CHOICE,
					true, null),
			text("shortName", "client.field.short-name", "c.short_name", false),
			new ListColumn("inn", "client.field.inn", false, "c.inn", "coalesce(c.inn, '')", SortType.TEXT,
					FilterType.TEXT, false, null),
			text("kpp", "client.field.kpp", "c.kpp", false), text("ogrn", "client.field.ogrn", "c.ogrn", false),
			new ListColumn("city", "client.field.city", false, "c.city", "coalesce(lower(c.city), '')", SortType.TEXT,
					FilterType.TEXT, true, null),
			text("industry", "client.field.industry", "c.industry", true),
			new ListColumn("size", "client.field.size", false, "c.company_size", "coalesce(c.company_size, '')",
					SortType.TEXT, FilterType.CHOICE, true, null),
			text("website", "client.field.website", "c.website", false),
			text("source", "client.field.source", "c.source", true),
			new ListColumn("phone", "client.field.phones", false, "c.phones", "coalesce(c.phone_digits[1], '')",
					SortType.TEXT, FilterType.PHONE, false, null),
			new ListColumn("email", "client.field.emails", false, "c.emails", "coalesce(c.email_lower[1], '')",
					SortType.TEXT, FilterType.TEXT, false, null),
			new ListColumn("segments", "client.field.segments", false, "c.segment_ids", null, SortType.TEXT,
					FilterType.SEGMENTS, false, null),
			new ListColumn("responsible", "client.field.responsible", false, "c.responsible_id", "lower(un.full_name)",
					SortType.TEXT, FilterType.USER, true, null),
			new ListColumn("birthday", "client.field.birthday", false, "c.birthday",
					"coalesce(c.birthday, date '0001-01-01')", SortType.DATE, FilterType.DATE_RANGE, false, null),
			new ListColumn("foundedOn", "client.field.founded-on", false, "c.founded_on",
					"coalesce(c.founded_on, date '0001-01-01')", SortType.DATE, FilterType.DATE_RANGE, false, null),
			new ListColumn("created", "client.field.created", false, "c.created_at", "c.created_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("updated", "client.field.updated", false, "c.updated_at", "c.updated_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null));

	private final CustomFields customFields;

	ClientColumns(CustomFields customFields) {
		this.customFields = customFields;
	}

	/**
	 * Every column a user can show, own fields first, then extra fields in their order.
	 */
	public Map<String, ListColumn> all() {
		Map<String, ListColumn> columns = new LinkedHashMap<>();
		BUILT_IN.forEach(column -> columns.put(column.key(), column));
		for (CustomField field : customFields.of("CLIENT")) {
			columns.put(field.column(), ListColumn.custom(field));
		}
		return columns;
	}

	/** The client list for {@link RecordListQuery}. */
	public ListSource source() {
		return new ListSource("clients", "c.deleted_at is null", "c.kind", all(),
				Map.of("kind", List.of(ClientKind.values()), "size", List.of(CompanySize.values())),
				List.of("lower(c.name)"), true, Map.of("phone", "number", "email", "address"));
	}

	public Optional<ListColumn> find(String key) {
		return Optional.ofNullable(all().get(key));
	}

	/**
	 * The columns shown when the user chose none: the defaults and extra fields marked
	 * for lists.
	 */
	public List<String> defaults() {
		List<String> keys = new ArrayList<>(DEFAULT);
		customFields.of("CLIENT").stream().filter(CustomField::shownInList).forEach(field -> keys.add(field.column()));
		return keys;
	}

	private static ListColumn text(String key, String label, String column, boolean groupable) {
		return new ListColumn(key, label, false, column, "coalesce(lower(" + column + "), '')", SortType.TEXT,
				FilterType.TEXT, groupable, null);
	}

}
