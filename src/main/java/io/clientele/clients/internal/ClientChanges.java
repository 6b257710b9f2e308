package io.clientele.clients.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.clientele.clients.Address;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordChanged.ValueFormat;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;

/**
 * What a client looks like field by field to a reader of its history, and the differences
 * between two such looks. Names of people and segments are taken when the change happens.
 */
final class ClientChanges {

	private ClientChanges() {
	}

	/** A value as the history keeps it; {@code format} says how a reader sees it. */
	record Value(String text, boolean key, @Nullable ValueFormat format) {

		Value(String text, boolean key) {
			this(text, key, null);
		}

	}

	/** Field label (message key, or literal for extra fields) to value. */
	record Snapshot(Map<String, Value> values, Set<String> literalLabels) {
	}

	static Snapshot of(Client client, Function<Long, String> userNames, Function<Long, String> segmentNames,
			List<CustomField> fields) {
		Map<String, Value> values = new LinkedHashMap<>();
		Set<String> literal = new LinkedHashSet<>();
		text(values, "client.field.name", client.name());
		text(values, "client.field.short-name", client.shortName());
		text(values, "client.field.last-name", client.lastName());
		text(values, "client.field.first-name", client.firstName());
		text(values, "client.field.middle-name", client.middleName());
		text(values, "client.field.inn", client.inn());
		text(values, "client.field.kpp", client.kpp());
		text(values, "client.field.ogrn", client.ogrn());
		text(values, "client.field.industry", client.industry());
		if (client.size() != null) {
			values.put("client.field.size", new Value(client.size().messageKey(), true));
		}
		text(values, "client.field.website", client.website());
		text(values, "client.field.source", client.source());
		formatted(values, "client.field.birthday", client.birthday() == null ? null : client.birthday().toString(),
				ValueFormat.DATE);
		formatted(values, "client.field.founded-on", client.foundedOn() == null ? null : client.foundedOn().toString(),
				ValueFormat.DATE);
		text(values, "client.field.notes", client.notes());
		text(values, "client.field.phones",
				join(client.phones()
					.stream()
					.map(phone -> PhoneNumbers.display(phone.number())
							+ (phone.note() == null ? "" : " (" + phone.note() + ")"))
					.toList()));
		text(values, "client.field.emails",
				join(client.emails()
					.stream()
					.map(email -> email.address() + (email.note() == null ? "" : " (" + email.note() + ")"))
					.toList()));
		text(values, "client.field.messengers",
				join(client.messengers().stream().map(m -> m.kind() + ": " + m.handle()).toList()));
		for (Address.Kind kind : Address.Kind.values()) {
			text(values, kind.messageKey(),
					join(client.addresses()
						.stream()
						.filter(address -> address.kind() == kind)
						.map(ClientChanges::address)
						.toList()));
		}
		text(values, "client.field.bank-accounts",
				join(client.bankAccounts()
					.stream()
					.map(account -> account.account() + " / " + account.bic()
							+ (account.bank() == null ? "" : ", " + account.bank()))
					.toList()));
		text(values, "client.field.key-dates",
				join(client.keyDates().stream().map(date -> date.label() + ": " + date.date()).toList()));
		text(values, "client.field.segments", join(client.segmentIds().stream().map(segmentNames).toList()));
		text(values, "client.field.responsible", userNames.apply(client.responsibleId()));
		for (CustomField field : fields) {
			Object value = client.custom().get(field.key());
			if (value != null) {
				String label = field.label();
				literal.add(label);
				values.put(label,
						new Value(CustomFields.neutral(field, value),
								field.type() == io.clientele.shared.customfields.CustomFieldType.BOOLEAN,
								CustomFields.historyFormat(field)));
			}
		}
		return new Snapshot(values, literal);
	}

	/** The fields whose value differs, in the order of the card. */
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

	/** Everything a new client was created with. */
	static List<FieldChange> initial(Snapshot snapshot) {
		return between(new Snapshot(Map.of(), Set.of()), snapshot);
	}

	private static String address(Address address) {
		List<String> parts = new ArrayList<>();
		if (address.postcode() != null && !address.postcode().isBlank()) {
			parts.add(address.postcode());
		}
		if (address.city() != null && !address.city().isBlank()) {
			parts.add(address.city());
		}
		parts.add(address.text());
		return String.join(", ", parts);
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
		return items.isEmpty() ? null : items.stream().collect(Collectors.joining("; "));
	}

}
