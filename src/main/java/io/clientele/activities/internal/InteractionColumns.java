package io.clientele.activities.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.shared.lists.ListColumn;
import io.clientele.shared.lists.ListColumn.FilterType;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.lists.ListSource;
import org.springframework.stereotype.Component;

/**
 * The columns of the interaction list. It sorts by time only, newest first by default:
 * everyone's from {@code interactions_at_idx}, a manager's own from
 * {@code interactions_responsible_at_idx}; the other columns filter. The client column's
 * names come from the deals module's {@code client} names (the same client names).
 */
@Component
public class InteractionColumns {

	public static final List<String> DEFAULT = List.of("name", "at", "kind", "state", "client", "responsible");

	private static final List<ListColumn> BUILT_IN = List.of(
			new ListColumn("name", "interaction.field.subject", false, "c.subject", null, SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("at", "interaction.field.at", false, "c.at", "c.at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("kind", "interaction.field.kind", false, "c.kind", "c.kind", SortType.TEXT,
					FilterType.CHOICE, true, null),
			new ListColumn("state", "interaction.field.state", false, "c.state", "c.state", SortType.TEXT,
					FilterType.CHOICE, true, null),
			new ListColumn("client", "interaction.field.client", false, "c.client_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("contact", "interaction.field.contact", false, "c.contact_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("deal", "interaction.field.deal", false, "c.deal_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("responsible", "interaction.field.responsible", false, "c.responsible_id", null,
					SortType.TEXT, FilterType.USER, false, null),
			new ListColumn("result", "interaction.field.result", false, "c.result", null, SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("minutes", "interaction.field.minutes-spent", false, "c.minutes_spent", null,
					SortType.NUMBER, FilterType.NUMBER_RANGE, false, null),
			new ListColumn("direction", "interaction.field.direction", false, "c.direction", null, SortType.TEXT,
					FilterType.CHOICE, false, null),
			new ListColumn("callResult", "interaction.field.call-result", false, "c.call_result", null, SortType.TEXT,
					FilterType.CHOICE, false, null),
			new ListColumn("created", "interaction.field.created", false, "c.created_at", null, SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null));

	public Map<String, ListColumn> all() {
		Map<String, ListColumn> columns = new LinkedHashMap<>();
		BUILT_IN.forEach(column -> columns.put(column.key(), column));
		return columns;
	}

	public ListSource source() {
		return new ListSource("interactions", "c.deleted_at is null", "c.kind", all(),
				Map.of("kind", List.of(InteractionKind.values()), "state", List.of(InteractionState.values()),
						"direction", List.of(CallDirection.values()), "callResult", List.of(CallResult.values())),
				List.of("lower(c.subject)"), false, Map.of(), "c.subject", false);
	}

}
