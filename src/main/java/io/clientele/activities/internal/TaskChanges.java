package io.clientele.activities.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordChanged.ValueFormat;
import org.jspecify.annotations.Nullable;

/**
 * What a task looks like field by field to a reader of its history, and the differences
 * between two such looks. Names (people, client, deal) are taken when the change happens.
 */
public final class TaskChanges {

	private TaskChanges() {
	}

	public record Value(String text, boolean key, @Nullable ValueFormat format) {
	}

	/** The names a snapshot shows instead of ids. */
	record Names(Map<Long, String> users, Map<Long, String> clients, Map<Long, String> contacts,
			Map<Long, String> deals) {

		static @Nullable String of(Map<Long, String> names, @Nullable Long id) {
			return id == null ? null : names.getOrDefault(id, "#" + id);
		}

	}

	static Map<String, Value> of(Task task, Names names, ZoneId zone) {
		Map<String, Value> values = new LinkedHashMap<>();
		put(values, "task.field.title", task.title(), null);
		put(values, "task.field.description", task.description(), null);
		put(values, "task.field.executor", Names.of(names.users(), task.executorId()), null);
		values.put("task.field.state", new Value(task.state().messageKey(), true, null));
		values.put("task.field.priority", new Value(task.priority().messageKey(), true, null));
		put(values, "task.field.due", task.dueOn() == null ? null : task.dueOn().toString(), ValueFormat.DATE);
		put(values, "task.field.due-time", task.dueTime(zone) == null ? null : task.dueTime(zone).toString(), null);
		put(values, "task.field.remind-at", task.remindAt() == null ? null
				: task.remindAt().atZone(zone).toLocalDateTime().toString().replace('T', ' '), null);
		put(values, "task.field.client", Names.of(names.clients(), task.clientId()), null);
		put(values, "task.field.contact", Names.of(names.contacts(), task.contactId()), null);
		put(values, "task.field.deal", Names.of(names.deals(), task.dealId()), null);
		put(values, "task.field.result", task.result(), null);
		put(values, "task.field.spent", task.spentMinutes() == 0 ? null : String.valueOf(task.spentMinutes()),
				ValueFormat.NUMBER);
		return values;
	}

	static List<FieldChange> between(Map<String, Value> before, Map<String, Value> after) {
		Set<String> labels = new LinkedHashSet<>(after.keySet());
		labels.addAll(before.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String label : labels) {
			Value old = before.get(label);
			Value now = after.get(label);
			if (!Objects.equals(old, now)) {
				boolean keys = (old != null && old.key()) || (now != null && now.key());
				ValueFormat format = now != null ? now.format() : old.format();
				changes.add(new FieldChange(label, false, old == null ? null : old.text(),
						now == null ? null : now.text(), keys, format));
			}
		}
		return changes;
	}

	private static void put(Map<String, Value> values, String key, @Nullable String text,
			@Nullable ValueFormat format) {
		if (text != null && !text.isEmpty()) {
			values.put(key, new Value(text, false, format));
		}
	}

}
