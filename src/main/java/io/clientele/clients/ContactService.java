package io.clientele.clients;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ContactStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.customfields.CustomFields;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact persons: created, edited, linked to clients, deleted and restored by a
 * signed-in user within the clients they may see. A client's history notes the people who
 * join it or are taken off it.
 */
@Service
public class ContactService {

	public static final String RECORD_TYPE = "contact";

	private final ContactStore store;

	private final ClientAccess access;

	private final CustomFields customFields;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ContactService(ContactStore store, ClientAccess access, CustomFields customFields, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.access = access;
		this.customFields = customFields;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long create(ContactDraft draft, CurrentUser actor) {
		Instant now = clock.instant();
		var fields = customFields.of("CONTACT");
		var contact = store.create(store.check(draft, null, access.of(actor.id()), fields), actor.id(), now);
		events.publishEvent(new RecordChanged(RECORD_TYPE, contact.id(), RecordChanged.Action.CREATED,
				store.initialChanges(contact, fields), actor.id(), now));
		publishLinks(contact.fullName(), List.of(), contact.clientIds(), actor, now);
		return contact.id();
	}

	@Transactional
	public void update(long id, ContactDraft draft, long version, CurrentUser actor) {
		Instant now = clock.instant();
		var visibility = access.of(actor.id());
		var contact = store.visible(id, visibility);
		contact.checkVersion(version);
		var fields = customFields.of("CONTACT");
		List<Long> before = contact.clientIds();
		var changes = store.update(contact, store.check(draft, contact, visibility, fields), fields, now);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
		publishLinks(contact.fullName(), before, contact.clientIds(), actor, now);
	}

	@Transactional
	public void delete(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		var contact = store.visible(id, access.of(actor.id()));
		contact.checkVersion(version);
		store.delete(contact, actor.id(), now);
		events
			.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.DELETED, List.of(), actor.id(), now));
	}

	@Transactional
	public void restore(long id, CurrentUser actor) {
		Instant now = clock.instant();
		var contact = store.visibleInRecycleBin(id, access.of(actor.id()));
		store.restore(contact, now);
		events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.RESTORED, List.of(), actor.id(), now));
	}

	/** Links a contact the user can see to another client of theirs. */
	@Transactional
	public void link(long contactId, ContactDraft.Work work, CurrentUser actor) {
		Instant now = clock.instant();
		var visibility = access.of(actor.id());
		var contact = store.visible(contactId, visibility);
		ContactCard card = store.card(contact, visibility);
		List<ContactDraft.Work> all = new ArrayList<>(card.work()
			.stream()
			.map(at -> new ContactDraft.Work(at.clientId(), at.position(), at.department(), at.keyPerson(),
					at.leftCompany(), at.leftOn()))
			.toList());
		all.add(work);
		ContactDraft draft = new ContactDraft(card.lastName(), card.firstName(), card.middleName(), card.birthday(),
				card.phones(), card.emails(), card.messengers(), card.notes(), all, card.custom());
		var fields = customFields.of("CONTACT");
		List<Long> before = contact.clientIds();
		var changes = store.update(contact, store.check(draft, contact, visibility, fields), fields, now);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, contactId, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
		publishLinks(contact.fullName(), before, contact.clientIds(), actor, now);
	}

	/** Contact persons the user can see whose name contains the text, for linking. */
	@Transactional(readOnly = true)
	public List<ContactMatch> search(String text, CurrentUser reader) {
		return store.search(text, access.of(reader.id()));
	}

	/**
	 * A contact person found by name.
	 *
	 * @param clients the names of the clients they work for, as far as the reader may see
	 * them
	 */
	public record ContactMatch(long id, String fullName, String clients) {
	}

	@Transactional(readOnly = true)
	public ContactCard card(long id, CurrentUser reader) {
		var visibility = access.of(reader.id());
		return store.card(store.visible(id, visibility), visibility);
	}

	private void publishLinks(String contactName, List<Long> before, List<Long> after, CurrentUser actor, Instant now) {
		Set<Long> added = new LinkedHashSet<>(after);
		added.removeAll(before);
		Set<Long> removed = new LinkedHashSet<>(before);
		removed.removeAll(after);
		List<RecordChanged> links = new ArrayList<>();
		for (Long client : added) {
			links.add(new RecordChanged(ClientService.RECORD_TYPE, client, RecordChanged.Action.LINKED,
					List.of(FieldChange.of("client.field.contacts", null, contactName)), actor.id(), now));
		}
		for (Long client : removed) {
			links.add(new RecordChanged(ClientService.RECORD_TYPE, client, RecordChanged.Action.UNLINKED,
					List.of(FieldChange.of("client.field.contacts", contactName, null)), actor.id(), now));
		}
		links.forEach(events::publishEvent);
	}

}
