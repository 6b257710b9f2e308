package io.clientele.clients.internal;

import io.clientele.shared.lists.RecordListQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientKind;
import io.clientele.clients.ClientVisibility;
import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactDraft;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads, checks and saves contact persons for
 * {@link io.clientele.clients.ContactService}. A contact is visible to whoever may see
 * one of the live clients they work for.
 */
@Component
public class ContactStore {

	private final ContactRepository contacts;

	private final ClientRepository clients;

	private final CustomFields customFields;

	private final JdbcClient jdbc;

	private final String phoneRegion;

	ContactStore(ContactRepository contacts, ClientRepository clients, CustomFields customFields, JdbcClient jdbc,
			ClienteleProperties properties) {
		this.contacts = contacts;
		this.clients = clients;
		this.customFields = customFields;
		this.jdbc = jdbc;
		this.phoneRegion = properties.phoneRegion();
	}

	/**
	 * Checks the draft. The user edits the roles at clients they can see; roles at
	 * clients they cannot see are kept as they are, unseen.
	 */
	public ContactData check(ContactDraft draft, @Nullable Contact existing, ClientVisibility visibility,
			List<CustomField> fields) {
		String lastName = TextRules.line("lastName", draft.lastName(), ClientRules.TEXT_MAX);
		String firstName = TextRules.line("firstName", draft.firstName(), ClientRules.TEXT_MAX);
		String middleName = TextRules.line("middleName", draft.middleName(), ClientRules.TEXT_MAX);
		if ((lastName == null || lastName.isBlank()) && (firstName == null || firstName.isBlank())) {
			throw new RuleViolation("lastName", "client.person-name-required");
		}
		List<String> parts = new ArrayList<>();
		for (String part : new String[] { lastName, firstName, middleName }) {
			if (part != null && !part.isBlank()) {
				parts.add(part);
			}
		}
		List<Employment> work = work(draft.work(), existing, visibility);
		Map<String, Object> custom = customFields.check(fields, draft.custom(),
				existing == null ? Map.of() : existing.custom(), true);
		if (draft.birthday() != null
				&& (draft.birthday().isAfter(java.time.LocalDate.now()) || draft.birthday().getYear() < 1900)) {
			throw new RuleViolation("birthday", "date.implausible");
		}
		return new ContactData(lastName, firstName, middleName, String.join(" ", parts), draft.birthday(),
				ClientRules.phones(draft.phones(), phoneRegion), ClientRules.emails(draft.emails()),
				ClientRules.messengers(draft.messengers()),
				TextRules.multiline("notes", draft.notes(), ClientRules.NOTES_MAX), work, custom);
	}

	private List<Employment> work(List<ContactDraft.Work> submitted, @Nullable Contact existing,
			ClientVisibility visibility) {
		Map<Long, Employment> work = new LinkedHashMap<>();
		if (existing != null) {
			for (Employment employment : existing.work()) {
				if (!visibleClient(employment.clientId(), visibility)) {
					work.put(employment.clientId(), employment);
				}
			}
		}
		for (int i = 0; i < submitted.size(); i++) {
			ContactDraft.Work item = submitted.get(i);
			String field = "work[" + i + "]";
			Client client = clients.findById(item.clientId())
				.filter(found -> !found.deleted() && visibility.covers(found.responsibleId(), found.segmentIds()))
				.orElseThrow(() -> new RuleViolation(field + ".clientId", "contact.client-not-found"));
			if (client.kind() != ClientKind.ORGANISATION) {
				throw new RuleViolation(field + ".clientId", "contact.client-not-organisation");
			}
			if (work.containsKey(client.id())) {
				throw new RuleViolation(field + ".clientId", "contact.client-twice");
			}
			work.put(client.id(),
					new Employment(client.id(),
							TextRules.line(field + ".position", item.position(), ClientRules.TEXT_MAX),
							TextRules.line(field + ".department", item.department(), ClientRules.TEXT_MAX),
							item.keyPerson(), item.leftCompany(), item.leftCompany() ? item.leftOn() : null));
		}
		if (work.isEmpty()) {
			throw new RuleViolation("work", "contact.needs-a-client");
		}
		return List.copyOf(work.values());
	}

	public Contact create(ContactData data, long actorId, Instant now) {
		return contacts.save(Contact.create(data, actorId, now));
	}

	public List<FieldChange> update(Contact contact, ContactData data, List<CustomField> fields, Instant now) {
		var before = snapshot(contact, fields);
		contact.update(data, now);
		contacts.save(contact);
		return ContactChanges.between(before, snapshot(contact, fields));
	}

	public void delete(Contact contact, long actorId, Instant now) {
		contact.moveToRecycleBin(actorId, now);
		contacts.save(contact);
	}

	public void restore(Contact contact, Instant now) {
		contact.restore(now);
		contacts.save(contact);
	}

	public Contact visible(long id, ClientVisibility visibility) {
		return contacts.findById(id)
			.filter(contact -> !contact.deleted())
			.filter(contact -> contact.clientIds().stream().anyMatch(client -> visibleClient(client, visibility)))
			.orElseThrow(() -> new RecordNotFound("Contact", id));
	}

	public Contact visibleInRecycleBin(long id, ClientVisibility visibility) {
		return contacts.findById(id)
			.filter(Contact::deleted)
			.filter(contact -> contact.clientIds()
				.stream()
				.anyMatch(client -> clients.findById(client)
					.filter(found -> visibility.covers(found.responsibleId(), found.segmentIds()))
					.isPresent()))
			.orElseThrow(() -> new RecordNotFound("Contact", id));
	}

	public ContactCard card(Contact contact, ClientVisibility visibility) {
		List<ContactCard.WorkAt> work = new ArrayList<>();
		for (Employment employment : contact.work()) {
			Client client = clients.findById(employment.clientId()).orElseThrow();
			boolean visible = !client.deleted() && visibility.covers(client.responsibleId(), client.segmentIds());
			if (visible) {
				work.add(new ContactCard.WorkAt(client.id(), client.name(), true, employment.position(),
						employment.department(), employment.keyPerson(), employment.leftCompany(),
						employment.leftOn()));
			}
		}
		return new ContactCard(contact.id(), contact.version(), contact.lastName(), contact.firstName(),
				contact.middleName(), contact.fullName(), contact.birthday(), contact.phones(), contact.emails(),
				contact.messengers(), contact.notes(), contact.custom(), work, contact.createdAt(),
				contact.updatedAt());
	}

	public List<FieldChange> initialChanges(Contact contact, List<CustomField> fields) {
		return ContactChanges.initial(snapshot(contact, fields));
	}

	ClientChanges.Snapshot snapshot(Contact contact, List<CustomField> fields) {
		Map<Long, String> names = new LinkedHashMap<>();
		clients.findAllById(contact.clientIds()).forEach(client -> names.put(client.id(), client.name()));
		return ContactChanges.of(contact, names, fields);
	}

	public List<io.clientele.clients.ContactService.ContactMatch> search(String text, ClientVisibility visibility) {
		String like = RecordListQuery.like(text.strip());
		return visibility.bind(jdbc.sql("""
				select ct.id, ct.full_name, string_agg(c.name, ', ' order by c.name) as clients
				  from contacts ct
				  join client_contacts cc on cc.contact_id = ct.id
				  join clients c on c.id = cc.client_id and c.deleted_at is null
				 where ct.deleted_at is null and lower(ct.full_name) like :like and %s
				 group by ct.id, ct.full_name
				 order by lower(ct.full_name), ct.id
				 limit 20
				""".formatted(visibility.sqlCondition("c"))))
			.param("like", like)
			.query((rs, n) -> new io.clientele.clients.ContactService.ContactMatch(rs.getLong(1), rs.getString(2),
					rs.getString(3)))
			.list();
	}

	public String clientName(long clientId) {
		return clients.findById(clientId).map(Client::name).orElse("#" + clientId);
	}

	private boolean visibleClient(long clientId, ClientVisibility visibility) {
		return clients.findById(clientId)
			.filter(client -> !client.deleted() && visibility.covers(client.responsibleId(), client.segmentIds()))
			.isPresent();
	}

	static String describe(Employment work, String clientName) {
		List<String> parts = new ArrayList<>();
		parts.add(clientName);
		if (work.position() != null && !work.position().isBlank()) {
			parts.add(work.position());
		}
		if (work.department() != null && !work.department().isBlank()) {
			parts.add(work.department());
		}
		return String.join(", ", parts);
	}

	static String phones(Contact contact) {
		return String.join("; ", contact.phones().stream().map(phone -> PhoneNumbers.display(phone.number())).toList());
	}

}
