package io.clientele.deals.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.clientele.deals.DealLine;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordChanged.ValueFormat;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;

/**
 * What a deal looks like field by field to a reader of its history, and the differences
 * between two such looks. Names (client, stage, people) are taken when the change
 * happens.
 */
final class DealChanges {

	private DealChanges() {
	}

	/** A value as the history keeps it; {@code format} says how a reader sees it. */
	record Value(String text, boolean key, @Nullable ValueFormat format) {

		Value(String text, boolean key) {
			this(text, key, null);
		}

	}

	record Snapshot(Map<String, Value> values, Set<String> literalLabels) {
	}

	/** The names a snapshot shows instead of ids. */
	record Names(Map<Long, String> clients, Map<Long, String> contacts, Map<Long, String> users,
			Map<Long, String> stages, Map<Long, String> scenarios, Map<Long, String> reasons) {

		static @Nullable String of(Map<Long, String> names, @Nullable Long id) {
			return id == null ? null : names.getOrDefault(id, "#" + id);
		}

	}

	static Snapshot of(Deal deal, Names names, List<CustomField> fields) {
		Map<String, Value> values = new LinkedHashMap<>();
		Set<String> literal = new LinkedHashSet<>();
		text(values, "deal.field.subject", deal.subject());
		text(values, "deal.field.client", Names.of(names.clients(), deal.clientId()));
		text(values, "deal.field.contact", Names.of(names.contacts(), deal.contactId()));
		text(values, "deal.field.description", deal.description());
		text(values, "deal.field.kind", deal.kind());
		text(values, "deal.field.scenario", Names.of(names.scenarios(), deal.scenarioId()));
		text(values, "deal.field.stage", Names.of(names.stages(), deal.stageId()));
		values.put("deal.field.mode", new Value(deal.mode().messageKey(), true));
		values.put("deal.field.state", new Value(deal.state().messageKey(), true));
		text(values, "deal.field.loss-reason", Names.of(names.reasons(), deal.lossReasonId()));
		text(values, "deal.field.loss-note", deal.lossNote());
		formatted(values, "deal.field.amount", deal.amount().toPlainString() + " " + deal.currency(),
				ValueFormat.MONEY);
		text(values, "deal.field.probability", deal.probability() + "%");
		formatted(values, "deal.field.expected-close",
				deal.expectedClose() == null ? null : deal.expectedClose().toString(), ValueFormat.DATE);
		text(values, "deal.field.channel", deal.channel());
		text(values, "deal.field.responsible", Names.of(names.users(), deal.responsibleId()));
		text(values, "deal.field.co-executors",
				join(deal.coExecutorIds().stream().map(id -> Names.of(names.users(), id)).toList()));
		text(values, "deal.field.tags", join(deal.tags()));
		text(values, "deal.field.lines", join(deal.lines().stream().map(DealChanges::line).toList()));
		for (CustomField field : fields) {
			Object value = deal.custom().get(field.key());
			if (value != null) {
				literal.add(field.label());
				values.put(field.label(), new Value(CustomFields.neutral(field, value),
						field.type() == CustomFieldType.BOOLEAN, CustomFields.historyFormat(field)));
			}
		}
		return new Snapshot(values, literal);
	}

	static List<FieldChange> between(Snapshot before, Snapshot after) {
		Set<String> labels = new LinkedHashSet<>(after.values().keySet());
		labels.addAll(before.values().keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String label : labels) {
			Value old = before.values().get(label);
			Value now = after.values().get(label);
			if (!Objects.equals(old, now)) {
				boolean literal = before.literalLabels().contains(label) || after.literalLabels().contains(label);
				boolean keys = (old != null && old.key()) || (now != null && now.key());
				ValueFormat format = now != null ? now.format() : old.format();
				changes.add(new FieldChange(label, literal, old == null ? null : old.text(),
						now == null ? null : now.text(), keys, format));
			}
		}
		return changes;
	}

	static List<FieldChange> initial(Snapshot snapshot) {
		return between(new Snapshot(Map.of(), Set.of()), snapshot);
	}

	private static String line(DealLine line) {
		return line.product() + " × " + line.quantity().stripTrailingZeros().toPlainString() + " @ "
				+ line.price().toPlainString() + (line.discount().signum() == 0 ? ""
						: " −" + line.discount().stripTrailingZeros().toPlainString() + "%");
	}

	private static void text(Map<String, Value> values, String key, @Nullable String text) {
		formatted(values, key, text, null);
	}

	private static void formatted(Map<String, Value> values, String key, @Nullable String text,
			@Nullable ValueFormat format) {
		if (text != null && !text.isEmpty()) {
			values.put(key, new Value(text, false, format));
		}
	}

	private static @Nullable String join(List<String> items) {
		return items.isEmpty() ? null : String.join("; ", items);
	}

}
