package io.clientele.clients.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.ClientVisibility;
import io.clientele.clients.ContactDraft;
import io.clientele.clients.ContactService;
import io.clientele.clients.MergeComparison;
import io.clientele.clients.MergeRequest;
import io.clientele.clients.internal.ClientMerger.Merged;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges one contact person into another: the survivor takes the chosen values and works,
 * from then on, for the clients of both; leads move to it; and undoes that.
 * <p>
 * A contact person's links to clients are an element collection of the aggregate, written
 * whole when it is saved; they are moved in SQL only after the aggregates are flushed
 * (merging) or before they are loaded afresh (undoing), so that a save never writes stale
 * links back.
 */
@Component
public class ContactMerger {

	private static final Set<String> LINKS = Set.of("work");

	private final ContactRepository contacts;

	private final ContactStore store;

	private final ClientAccess access;

	private final CustomFields customFields;

	private final MergeCatalog catalog;

	private final LinkMoves links;

	private final MergeLedger ledger;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final EntityManager entities;

	ContactMerger(ContactRepository contacts, ContactStore store, ClientAccess access, CustomFields customFields,
			MergeCatalog catalog, LinkMoves links, MergeLedger ledger, JdbcClient jdbc, JsonMapper json,
			EntityManager entities) {
		this.catalog = catalog;
		this.contacts = contacts;
		this.store = store;
		this.access = access;
		this.customFields = customFields;
		this.links = links;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.json = json;
		this.entities = entities;
	}

	/** Two contact persons side by side (see {@link MergeFields#compare}). */
	public MergeComparison compare(long firstId, long secondId, @Nullable Long survivorId, CurrentUser reader) {
		var visibility = access.of(reader.id());
		Contact first = store.visible(firstId, visibility);
		Contact second = store.visible(secondId, visibility);
		checkMergeable(first, second);
		return MergeFields.compare(ContactService.RECORD_TYPE, catalog.contact(), candidate(first, visibility),
				candidate(second, visibility), survivorId);
	}

	private MergeFields.Candidate candidate(Contact contact, ClientVisibility visibility) {
		return new MergeFields.Candidate(contact.id(), contact.version(), contact.fullName(), contact.createdAt(),
				clientsOf(contact, visibility), draft(contact, visibility), links(contact.id()));
	}

	public Merged merge(MergeRequest request, CurrentUser actor, Instant now) {
		var visibility = access.of(actor.id());
		Contact survivor = store.visible(request.survivorId(), visibility);
		Contact merged = store.visible(request.mergedId(), visibility);
		checkMergeable(survivor, merged);
		survivor.checkVersion(request.survivorVersion());
		merged.checkVersion(request.mergedVersion());
		var customs = customFields.of("CONTACT");
		ObjectNode before = draft(survivor, visibility);
		ObjectNode picked = MergeFields.pick(catalog.contact(), before, draft(merged, visibility), request.picks());
		List<FieldChange> changes = new ArrayList<>(store.update(survivor,
				store.check(toDraft(picked, before, customs), survivor, visibility, customs), customs, now));
		ObjectNode after = draft(survivor, visibility);
		merged.mergeInto(survivor.id(), actor.id(), now);
		contacts.save(merged);
		MergeLedger.flush(entities, survivor.id());
		LinkMoves.Moved moved = links.fromContact(merged.id(), survivor.id());
		long mergeId = ledger.record(ContactService.RECORD_TYPE, survivor.id(), merged.id(), before, after, moved,
				actor.id(), now);
		if (!moved.links().isEmpty()) {
			changes.add(FieldChange.of("contact.field.works-at", null,
					String.join(", ",
							jdbc.sql("select name from clients where id = any(:ids) order by id")
								.param("ids", moved.links().toArray(Long[]::new))
								.query(String.class)
								.list())));
		}
		if (!moved.leads().isEmpty()) {
			changes.add(FieldChange.of("merge.field.leads", null, String.valueOf(moved.leads().size())));
		}
		return new Merged(mergeId, survivor.id(), survivor.fullName(), merged.id(), merged.fullName(), changes);
	}

	public Merged undo(long mergeId, CurrentUser actor, Instant now) {
		MergeLedger.Entry entry = ledger.lockUndoable(mergeId, now);
		var visibility = access.of(actor.id());
		Contact found = contacts.findById(entry.survivorId())
			.orElseThrow(() -> new RecordNotFound("Contact", entry.survivorId()));
		if (found.deleted()) {
			throw new RuleViolation(null, "merge.undo.survivor-gone");
		}
		store.visible(found.id(), visibility);
		contacts.findById(entry.mergedId())
			.filter(contact -> Long.valueOf(found.id()).equals(contact.mergedInto()))
			.orElseThrow(() -> new RuleViolation(null, "merge.undo.survivor-gone"));
		links.backToContact(entry.moved(), entry.mergedId(), entry.survivorId());
		entities.flush();
		entities.clear();
		Contact survivor = contacts.findById(entry.survivorId()).orElseThrow();
		Contact merged = contacts.findById(entry.mergedId()).orElseThrow();
		merged.separate(now);
		contacts.save(merged);
		var customs = customFields.of("CONTACT");
		ObjectNode current = draft(survivor, visibility);
		ObjectNode restored = MergeFields.restore(entry.before(), entry.after(), current, LINKS);
		List<FieldChange> changes = store.update(survivor,
				store.check(toDraft(restored, current, customs), survivor, visibility, customs), customs, now);
		ledger.markUndone(mergeId, actor.id(), now);
		return new Merged(mergeId, survivor.id(), survivor.fullName(), merged.id(), merged.fullName(), changes);
	}

	/** The draft with the survivor's links as they are (moving them is not a field). */
	private ContactDraft toDraft(ObjectNode draft, ObjectNode survivor, List<CustomField> customs) {
		ObjectNode result = MergeFields.withoutRetiredFields(draft, customs);
		result.set("work", survivor.path("work").deepCopy());
		return json.treeToValue(result, ContactDraft.class);
	}

	private void checkMergeable(Contact first, Contact second) {
		if (first.id() == second.id()) {
			throw new RuleViolation(null, "merge.same-record");
		}
	}

	/** The clients the person works for, as far as the reader may see them. */
	private @Nullable String clientsOf(Contact contact, ClientVisibility visibility) {
		var names = store.card(contact, visibility).work().stream().map(work -> work.clientName()).toList();
		return names.isEmpty() ? null : String.join(", ", names);
	}

	private Map<String, Integer> links(long id) {
		return jdbc.sql("""
				select (select count(*) from client_contacts where contact_id = :id),
				       (select count(*) from leads where contact_id = :id)
				""").param("id", id).query((rs, n) -> {
			Map<String, Integer> counts = new LinkedHashMap<>();
			counts.put("merge.links.clients", rs.getInt(1));
			counts.put("merge.links.leads", rs.getInt(2));
			return counts;
		}).single();
	}

	/** The contact person as a draft, with their work at the clients the user may see. */
	private ObjectNode draft(Contact contact, ClientVisibility visibility) {
		var card = store.card(contact, visibility);
		List<ContactDraft.Work> work = card.work()
			.stream()
			.map(at -> new ContactDraft.Work(at.clientId(), at.position(), at.department(), at.keyPerson(),
					at.leftCompany(), at.leftOn()))
			.toList();
		return (ObjectNode) json.valueToTree(new ContactDraft(contact.lastName(), contact.firstName(),
				contact.middleName(), contact.birthday(), contact.phones(), contact.emails(), contact.messengers(),
				contact.notes(), work, contact.custom()));
	}

}
