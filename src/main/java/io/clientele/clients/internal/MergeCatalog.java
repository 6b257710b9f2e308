package io.clientele.clients.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ClientKind;
import io.clientele.clients.Segment;
import io.clientele.clients.Segments;
import io.clientele.clients.internal.MergeFields.Field;
import io.clientele.clients.internal.MergeFields.Format;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFieldType;
import io.clientele.shared.customfields.CustomFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The fields a merge offers to choose, for clients and contact persons: which properties
 * of the draft each covers, what makes two items of a list the same, and how a value
 * reads on the comparison page.
 */
@Component
class MergeCatalog {

	private final CustomFields customFields;

	private final UserDirectory users;

	private final Segments segments;

	MergeCatalog(CustomFields customFields, UserDirectory users, Segments segments) {
		this.customFields = customFields;
		this.users = users;
		this.segments = segments;
	}

	/** The fields of a client of this kind, in the order of the card. */
	List<Field> client(ClientKind kind) {
		List<Field> fields = new ArrayList<>();
		if (kind == ClientKind.ORGANISATION) {
			fields.add(Field.scalar("name", "client.field.name", "name", Format.TEXT));
			fields.add(Field.scalar("shortName", "client.field.short-name", "shortName", Format.TEXT));
			fields.add(Field.together("requisites", "client.section.requisites", List.of("inn", "kpp", "ogrn")));
			fields.add(Field.scalar("industry", "client.field.industry", "industry", Format.TEXT));
			fields.add(new Field("size", "client.field.size", false, List.of("size"), false, JsonNode::toString,
					draft -> MergeFields.empty(draft.path("size")) ? List.of()
							: List.of("client.size." + draft.path("size").stringValue()),
					Format.KEY));
			fields.add(Field.scalar("foundedOn", "client.field.founded-on", "foundedOn", Format.DATE));
		}
		else {
			fields.add(personName());
			fields.add(Field.scalar("requisites", "client.field.inn", "inn", Format.TEXT));
			fields.add(Field.scalar("birthday", "client.field.birthday", "birthday", Format.DATE));
		}
		fields.add(Field.scalar("website", "client.field.website", "website", Format.TEXT));
		fields.add(Field.scalar("source", "client.field.source", "source", Format.TEXT));
		fields.addAll(reach());
		fields.add(Field.list("addresses", "client.field.addresses", "addresses", JsonNode::toString,
				address -> String.join(", ",
						java.util.stream.Stream.of("postcode", "city", "text")
							.map(part -> address.path(part))
							.filter(value -> !MergeFields.empty(value))
							.map(JsonNode::asString)
							.toList())));
		if (kind == ClientKind.ORGANISATION) {
			fields.add(Field.list("bankAccounts", "client.field.bank-accounts", "bankAccounts",
					account -> account.path("bic").asString() + "/" + account.path("account").asString(),
					account -> account.path("account").asString() + " / " + account.path("bic").asString()));
		}
		fields.add(Field.list("keyDates", "client.field.key-dates", "keyDates", JsonNode::toString,
				date -> date.path("label").asString() + ": " + date.path("date").asString()));
		Map<Long, Segment> allSegments = new LinkedHashMap<>();
		segments.all().forEach(segment -> allSegments.put(segment.id(), segment));
		fields.add(Field.list("segmentIds", "client.field.segments", "segmentIds", JsonNode::asString, id -> {
			Segment segment = allSegments.get(id.asLong());
			return segment == null ? "#" + id.asString() : segment.label();
		}));
		fields.add(new Field("responsibleId", "client.field.responsible", false, List.of("responsibleId"), false,
				JsonNode::toString,
				draft -> List.of(users.find(draft.path("responsibleId").asLong())
					.map(user -> user.fullName())
					.orElse("#" + draft.path("responsibleId").asString())),
				Format.TEXT));
		fields.add(Field.scalar("notes", "client.field.notes", "notes", Format.TEXT));
		fields.addAll(custom(customFields.of("CLIENT")));
		return fields;
	}

	/** The fields of a contact person (their clients are links, moved apart). */
	List<Field> contact() {
		List<Field> fields = new ArrayList<>();
		fields.add(personName());
		fields.add(Field.scalar("birthday", "client.field.birthday", "birthday", Format.DATE));
		fields.addAll(reach());
		fields.add(Field.scalar("notes", "client.field.notes", "notes", Format.TEXT));
		fields.addAll(custom(customFields.of("CONTACT")));
		return fields;
	}

	/** A person's name: last, first and middle taken together. */
	private static Field personName() {
		List<String> parts = List.of("lastName", "firstName", "middleName");
		return new Field("personName", "merge.field.person-name", false, parts, false, JsonNode::toString,
				draft -> List.of(String.join(" ",
						parts.stream()
							.map(draft::path)
							.filter(value -> !MergeFields.empty(value))
							.map(JsonNode::asString)
							.toList())),
				Format.TEXT);
	}

	/** Phones (the same number is one), e-mails (in any case) and messengers. */
	static List<Field> reach() {
		return List.of(
				Field.list("phones", "client.field.phones", "phones", phone -> phone.path("number").asString(),
						phone -> PhoneNumbers.display(phone.path("number").asString()) + note(phone)),
				Field.list("emails", "client.field.emails", "emails",
						email -> email.path("address").asString().toLowerCase(Locale.ROOT),
						email -> email.path("address").asString() + note(email)),
				Field.list("messengers", "client.field.messengers", "messengers", JsonNode::toString,
						messenger -> messenger.path("kind").asString() + ": " + messenger.path("handle").asString()));
	}

	/** The extra fields in use, each a choice of its own. */
	private static List<Field> custom(List<CustomField> definitions) {
		List<Field> fields = new ArrayList<>();
		for (CustomField definition : definitions) {
			String path = "custom/" + definition.key();
			fields
				.add(new Field(definition.column(), definition.label(), true, List.of(path), false, JsonNode::toString,
						draft -> MergeFields.empty(MergeFields.get(draft, path)) ? List.of()
								: List.of(CustomFields.neutral(definition, plain(MergeFields.get(draft, path)))),
						definition.type() == CustomFieldType.BOOLEAN ? Format.KEY : Format.TEXT));
		}
		return fields;
	}

	private static Object plain(JsonNode node) {
		if (node.isArray()) {
			return node.valueStream().map(JsonNode::asString).toList();
		}
		return node.isString() ? node.stringValue() : node.toString();
	}

	private static String note(JsonNode item) {
		JsonNode note = item.path("note");
		return MergeFields.empty(note) ? "" : " (" + note.asString() + ")";
	}

}
