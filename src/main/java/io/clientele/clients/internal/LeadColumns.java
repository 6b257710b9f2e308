package io.clientele.clients.internal;

import io.clientele.shared.lists.ListColumn;
import io.clientele.shared.lists.ListSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.LeadSource;
import io.clientele.clients.LeadStatus;
import io.clientele.shared.lists.ListColumn.FilterType;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.springframework.stereotype.Component;

/**
 * The columns of the lead list. The default order is the newest first
 * ({@code leads_created_idx}); a manager's list walks
 * {@code leads_responsible_created_idx}.
 */
@Component
public class LeadColumns {

	public static final List<String> DEFAULT = List.of("name", "company", "phone", "email", "status", "source",
			"responsible", "created");

	private static final List<ListColumn> BUILT_IN = List.of(
			new ListColumn("name", "lead.field.name", false, "c.name", "lower(c.name)", SortType.TEXT, FilterType.TEXT,
					false, null),
			new ListColumn("company", "lead.field.company", false, "c.company", "coalesce(lower(c.company), '')",
					SortType.TEXT, FilterType.TEXT, true, null),
			new ListColumn("phone", "lead.field.phone", false, "c.phone", "coalesce(c.phone, '')", SortType.TEXT,
					FilterType.PHONE, false, null),
			new ListColumn("email", "lead.field.email", false, "c.email", "coalesce(lower(c.email), '')", SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("status", "lead.field.status", false, "c.status", "c.status", SortType.TEXT,
					FilterType.CHOICE, true, null),
			new ListColumn("source", "lead.field.source", false, "c.source", "c.source", SortType.TEXT,
					FilterType.CHOICE, true, null),
			new ListColumn("channel", "lead.field.channel", false, "c.channel", "coalesce(lower(c.channel), '')",
					SortType.TEXT, FilterType.TEXT, true, null),
			new ListColumn("responsible", "lead.field.responsible", false, "c.responsible_id",
					"coalesce(lower(un.full_name), '')", SortType.TEXT, FilterType.USER, true, null),
			new ListColumn("created", "lead.field.created", false, "c.created_at", "c.created_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("updated", "lead.field.updated", false, "c.updated_at", "c.updated_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null));

	private final CustomFields customFields;

	LeadColumns(CustomFields customFields) {
		this.customFields = customFields;
	}

	public Map<String, ListColumn> all() {
		Map<String, ListColumn> columns = new LinkedHashMap<>();
		BUILT_IN.forEach(column -> columns.put(column.key(), column));
		for (CustomField field : customFields.of("LEAD")) {
			columns.put(field.column(), ListColumn.custom(field));
		}
		return columns;
	}

	public List<String> defaults() {
		List<String> keys = new ArrayList<>(DEFAULT);
		customFields.of("LEAD").stream().filter(CustomField::shownInList).forEach(field -> keys.add(field.column()));
		return keys;
	}

	public ListSource source() {
		return new ListSource("leads", "true", "c.status", all(),
				Map.of("status", List.of(LeadStatus.values()), "source", List.of(LeadSource.values())),
				List.of("lower(c.name)", "lower(c.company)"), false, Map.of());
	}

}
