package io.clientele.clients.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordChanged.ValueFormat;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;

/**
 * A contact person field by field, for the history.
 */
final class ContactChanges {

	private ContactChanges() {
	}

	static ClientChanges.Snapshot of(Contact contact, Map<Long, String> clientNames, List<CustomField> fields) {
		Map<String, ClientChanges.Value> values = new LinkedHashMap<>();
		Set<String> literal = new LinkedHashSet<>();
		put(values, "client.field.last-name", contact.lastName());
		put(values, "client.field.first-name", contact.firstName());
		put(values, "client.field.middle-name", contact.middleName());
		if (contact.birthday() != null) {
			values.put("client.field.birthday",
					new ClientChanges.Value(contact.birthday().toString(), false, ValueFormat.DATE));
		}
		put(values, "client.field.phones", ContactStore.phones(contact));
		put(values, "client.field.emails", String.join("; ", contact.emails().stream().map(e -> e.address()).toList()));
		put(values, "client.field.messengers",
				String.join("; ", contact.messengers().stream().map(m -> m.kind() + ": " + m.handle()).toList()));
		put(values, "client.field.notes", contact.notes());
		for (Employment work : contact.work()) {
			String name = clientNames.getOrDefault(work.clientId(), "#" + work.clientId());
			put(values, "contact.field.works-at",
					join(values, "contact.field.works-at", ContactStore.describe(work, name)));
			if (work.keyPerson()) {
				put(values, "contact.field.key-person-at", join(values, "contact.field.key-person-at", name));
			}
			if (work.leftCompany()) {
				put(values, "contact.field.left", join(values, "contact.field.left",
						name + (work.leftOn() == null ? "" : " (" + work.leftOn() + ")")));
			}
		}
		for (CustomField field : fields) {
			Object value = contact.custom().get(field.key());
			if (value != null) {
				literal.add(field.label());
				values.put(field.label(), new ClientChanges.Value(CustomFields.neutral(field, value),
						field.type() == CustomFieldType.BOOLEAN, CustomFields.historyFormat(field)));
			}
		}
		return new ClientChanges.Snapshot(values, literal);
	}

	static List<FieldChange> between(ClientChanges.Snapshot before, ClientChanges.Snapshot after) {
		return ClientChanges.between(before, after);
	}

	static List<FieldChange> initial(ClientChanges.Snapshot snapshot) {
		return ClientChanges.initial(snapshot);
	}

	private static String join(Map<String, ClientChanges.Value> values, String key, String next) {
		ClientChanges.Value current = values.get(key);
		return current == null ? next : current.text() + "; " + next;
	}

	private static void put(Map<String, ClientChanges.Value> values, String key, String text) {
		if (text != null && !text.isEmpty()) {
			values.put(key, new ClientChanges.Value(text, false));
		}
	}

}
