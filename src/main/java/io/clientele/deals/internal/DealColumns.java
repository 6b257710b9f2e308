package io.clientele.deals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealMode;
import io.clientele.deals.DealState;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.shared.lists.ListColumn;
import io.clientele.shared.lists.ListColumn.FilterType;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.lists.ListSource;
import org.springframework.stereotype.Component;

/**
 * The columns of the deal list: the deal's own fields and the active extra fields. The
 * sorts by subject, creation, update, expected date and amount walk the indexes of
 * {@code V…__deals.sql}; a manager's list by creation is two branches merged in order
 * (their deals from {@code deals_responsible_created_idx}, a page at most; the deals they
 * co-execute from the co-executors' GIN index). Other sorts of a manager's list read all
 * the manager's deals and keep the first page (a top-N sort).
 */
@Component
public class DealColumns {

	public static final List<String> DEFAULT = List.of("name", "client", "stage", "amount", "probability", "expected",
			"responsible");

	private static final List<ListColumn> BUILT_IN = List.of(
			new ListColumn("name", "deal.field.subject", false, "c.subject", "lower(c.subject)", SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("client", "deal.field.client", false, "c.client_id", null, SortType.NUMBER, null, false,
					null),
			new ListColumn("state", "deal.field.state", false, "c.state", "c.state", SortType.TEXT, FilterType.CHOICE,
					true, null),
			new ListColumn("scenario", "deal.field.scenario", false, "c.scenario_id", "c.scenario_id", SortType.NUMBER,
					FilterType.OPTION, true, null),
			new ListColumn("stage", "deal.field.stage", false, "c.stage_id", "c.stage_id", SortType.NUMBER,
					FilterType.OPTION, true, null),
			new ListColumn("mode", "deal.field.mode", false, "c.mode", "c.mode", SortType.TEXT, FilterType.CHOICE, true,
					null),
			new ListColumn("amount", "deal.field.amount", false, "c.amount", "c.amount", SortType.NUMBER,
					FilterType.NUMBER_RANGE, false, null),
			new ListColumn("currency", "deal.field.currency", false, "c.currency", "c.currency", SortType.TEXT,
					FilterType.TEXT, true, null),
			new ListColumn("probability", "deal.field.probability", false, "c.probability", "c.probability",
					SortType.NUMBER, FilterType.NUMBER_RANGE, false, null),
			new ListColumn("weighted", "deal.field.weighted", false, "round(c.amount * c.probability / 100.0, 2)",
					"round(c.amount * c.probability / 100.0, 2)", SortType.NUMBER, null, false, null),
			new ListColumn("expected", "deal.field.expected-close", false, "c.expected_close",
					"coalesce(c.expected_close, date '0001-01-01')", SortType.DATE, FilterType.DATE_RANGE, false, null),
			new ListColumn("kind", "deal.field.kind", false, "c.kind", "coalesce(lower(c.kind), '')", SortType.TEXT,
					FilterType.TEXT, true, null),
			new ListColumn("channel", "deal.field.channel", false, "c.channel", "coalesce(lower(c.channel), '')",
					SortType.TEXT, FilterType.TEXT, true, null),
			new ListColumn("tags", "deal.field.tags", false, "c.tags", null, SortType.TEXT, null, false, null),
			new ListColumn("responsible", "deal.field.responsible", false, "c.responsible_id", "lower(un.full_name)",
					SortType.TEXT, FilterType.USER, true, null),
			new ListColumn("created", "deal.field.created", false, "c.created_at", "c.created_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("updated", "deal.field.updated", false, "c.updated_at", "c.updated_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("closed", "deal.field.closed", false, "c.closed_at",
					"coalesce(c.closed_at, timestamptz '0001-01-01 00:00Z')", SortType.TIMESTAMP, FilterType.DATE_RANGE,
					false, null));

	private final CustomFields customFields;

	DealColumns(CustomFields customFields) {
		this.customFields = customFields;
	}

	public Map<String, ListColumn> all() {
		Map<String, ListColumn> columns = new LinkedHashMap<>();
		BUILT_IN.forEach(column -> columns.put(column.key(), column));
		for (CustomField field : customFields.of(DealStore.CUSTOM_FIELDS)) {
			columns.put(field.column(), ListColumn.custom(field));
		}
		return columns;
	}

	public ListSource source() {
		return new ListSource("deals", "c.deleted_at is null", "c.state", all(),
				Map.of("state", List.of(DealState.values()), "mode", List.of(DealMode.values())),
				List.of("lower(c.subject)"), false, Map.of(), "c.subject", false);
	}

	public List<String> defaults() {
		List<String> keys = new ArrayList<>(DEFAULT);
		customFields.of(DealStore.CUSTOM_FIELDS)
			.stream()
			.filter(CustomField::shownInList)
			.forEach(field -> keys.add(field.column()));
		return keys;
	}

}
