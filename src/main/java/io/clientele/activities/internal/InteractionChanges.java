package io.clientele.activities.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientele.shared.Labelled;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordChanged.ValueFormat;
import org.jspecify.annotations.Nullable;

/**
 * An interaction field by field as a reader of its history sees it, and the differences
 * between two such looks. Names (client, deal, people) are taken when the change happens.
 */
final class InteractionChanges {

	private InteractionChanges() {
	}

	record Value(String text, boolean key, @Nullable ValueFormat format) {
	}

	/** The names a snapshot shows instead of ids. */
	record Names(Map<Long, String> clients, Map<Long, String> contacts, Map<Long, String> deals,
			Map<Long, String> users, @Nullable String room) {

		static @Nullable String of(Map<Long, String> names, @Nullable Long id) {
			return id == null ? null : names.getOrDefault(id, "#" + id);
		}

		static @Nullable String all(Map<Long, String> names, List<Long> ids) {
			return ids.isEmpty() ? null
					: String.join(", ", ids.stream().map(id -> names.getOrDefault(id, "#" + id)).sorted().toList());
		}

	}

	static Map<String, Value> of(Interaction i, Names names) {
		Map<String, Value> values = new LinkedHashMap<>();
		key(values, "interaction.field.kind", i.kind());
		key(values, "interaction.field.state", i.state());
		put(values, "interaction.field.at", i.at().toString(), ValueFormat.DATE_TIME);
		text(values, "interaction.field.subject", i.subject());
		text(values, "interaction.field.client", Names.of(names.clients(), i.clientId()));
		text(values, "interaction.field.contact", Names.of(names.contacts(), i.contactId()));
		text(values, "interaction.field.deal", Names.of(names.deals(), i.dealId()));
		text(values, "interaction.field.responsible", Names.of(names.users(), i.responsibleId()));
		text(values, "interaction.field.participants", join(Names.all(names.users(), i.participantUserIds()),
				Names.all(names.contacts(), i.participantContactIds())));
		text(values, "interaction.field.result", i.result());
		put(values, "interaction.field.minutes-spent", i.minutesSpent() == null ? null : "" + i.minutesSpent(),
				ValueFormat.NUMBER);
		key(values, "interaction.field.direction", i.direction());
		put(values, "interaction.field.duration", i.durationSeconds() == null ? null : "" + i.durationSeconds(),
				ValueFormat.NUMBER);
		key(values, "interaction.field.call-result", i.callResult());
		text(values, "interaction.field.recording", i.recordingUrl());
		text(values, "interaction.field.place", i.place());
		put(values, "interaction.field.planned-minutes", i.plannedMinutes() == null ? null : "" + i.plannedMinutes(),
				ValueFormat.NUMBER);
		text(values, "interaction.field.room", names.room());
		text(values, "interaction.field.channel", i.channel());
		return values;
	}

	static List<FieldChange> initial(Map<String, Value> snapshot) {
		return between(Map.of(), snapshot);
	}

	static List<FieldChange> between(Map<String, Value> before, Map<String, Value> after) {
		List<FieldChange> changes = new ArrayList<>();
		java.util.Set<String> fields = new java.util.LinkedHashSet<>(after.keySet());
		fields.addAll(before.keySet());
		for (String field : fields) {
			Value was = before.get(field);
			Value now = after.get(field);
			if (Objects.equals(was, now)) {
				continue;
			}
			Value any = now != null ? now : was;
			changes.add(new FieldChange(field, false, was == null ? null : was.text(), now == null ? null : now.text(),
					any.key(), any.format()));
		}
		return changes;
	}

	private static @Nullable String join(@Nullable String users, @Nullable String contacts) {
		if (users == null) {
			return contacts;
		}
		return contacts == null ? users : users + "; " + contacts;
	}

	private static void key(Map<String, Value> values, String field, @Nullable Labelled value) {
		if (value != null) {
			values.put(field, new Value(value.messageKey(), true, null));
		}
	}

	private static void text(Map<String, Value> values, String field, @Nullable String value) {
		put(values, field, value, null);
	}

	private static void put(Map<String, Value> values, String field, @Nullable String value,
			@Nullable ValueFormat format) {
		if (value != null && !value.isBlank()) {
			values.put(field, new Value(value, false, format));
		}
	}

}
