package io.clientele.clients.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientService;
import io.clientele.clients.MergeComparison;
import io.clientele.clients.MergeRequest;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
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
 * Merges one client into another: the survivor takes the chosen values, contact persons,
 * legal entities and leads move to it, and the other client goes out of sight pointing at
 * the survivor; and undoes that.
 */
@Component
public class ClientMerger {

	private final ClientRepository clients;

	private final ClientStore store;

	private final ClientAccess access;

	private final CustomFields customFields;

	private final UserDirectory users;

	private final MergeCatalog catalog;

	private final LinkMoves links;

	private final MergeLedger ledger;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final EntityManager entities;

	ClientMerger(ClientRepository clients, ClientStore store, ClientAccess access, CustomFields customFields,
			UserDirectory users, MergeCatalog catalog, LinkMoves links, MergeLedger ledger, JdbcClient jdbc,
			JsonMapper json, EntityManager entities) {
		this.clients = clients;
		this.store = store;
		this.access = access;
		this.customFields = customFields;
		this.users = users;
		this.catalog = catalog;
		this.links = links;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.json = json;
		this.entities = entities;
	}

	/** Two clients side by side (see {@link MergeFields#compare}). */
	public MergeComparison compare(long firstId, long secondId, @Nullable Long survivorId, CurrentUser reader) {
		var visibility = access.of(reader.id());
		Client first = store.visible(firstId, visibility);
		Client second = store.visible(secondId, visibility);
		checkMergeable(first, second);
		Map<Long, String> owners = users.names(List.of(first.responsibleId(), second.responsibleId()));
		return MergeFields.compare(ClientService.RECORD_TYPE, catalog.client(first.kind()),
				candidate(first, owners.get(first.responsibleId())),
				candidate(second, owners.get(second.responsibleId())), survivorId);
	}

	private MergeFields.Candidate candidate(Client client, @Nullable String owner) {
		return new MergeFields.Candidate(client.id(), client.version(), client.name(), client.createdAt(), owner,
				draft(client), links(client.id()));
	}

	/** Merges and keeps the merge for undoing; the caller publishes the events. */
	public Merged merge(MergeRequest request, CurrentUser actor, Instant now) {
		var visibility = access.of(actor.id());
		Client survivor = store.visible(request.survivorId(), visibility);
		Client merged = store.visible(request.mergedId(), visibility);
		checkMergeable(survivor, merged);
		survivor.checkVersion(request.survivorVersion());
		merged.checkVersion(request.mergedVersion());
		var customs = customFields.of("CLIENT");
		ObjectNode before = draft(survivor);
		ObjectNode picked = MergeFields.pick(catalog.client(survivor.kind()), before, draft(merged), request.picks());
		List<FieldChange> changes = new ArrayList<>(
				store.update(survivor, store.check(toDraft(picked, customs), survivor, actor, customs), customs, now));
		ObjectNode after = draft(survivor);
		merged.mergeInto(survivor.id(), actor.id(), now);
		clients.save(merged);
		MergeLedger.flush(entities, survivor.id());
		LinkMoves.Moved moved = links.fromClient(merged.id(), survivor.id());
		long mergeId = ledger.record(ClientService.RECORD_TYPE, survivor.id(), merged.id(), before, after, moved,
				actor.id(), now);
		changes.addAll(movedLines(moved));
		return new Merged(mergeId, survivor.id(), survivor.name(), merged.id(), merged.name(), changes);
	}

	/** Undoes a merge the ledger found undoable; the caller publishes the events. */
	public Merged undo(long mergeId, CurrentUser actor, Instant now) {
		MergeLedger.Entry entry = ledger.lockUndoable(mergeId, now);
		var visibility = access.of(actor.id());
		Client survivor = clients.findById(entry.survivorId())
			.orElseThrow(() -> new RecordNotFound("Client", entry.survivorId()));
		if (survivor.deleted()) {
			throw new RuleViolation(null, "merge.undo.survivor-gone");
		}
		store.visible(survivor.id(), visibility);
		Client merged = clients.findById(entry.mergedId())
			.filter(client -> Long.valueOf(survivor.id()).equals(client.mergedInto()))
			.orElseThrow(() -> new RuleViolation(null, "merge.undo.survivor-gone"));
		links.backToClient(entry.moved(), merged.id(), survivor.id());
		merged.separate(now);
		clients.save(merged);
		var customs = customFields.of("CLIENT");
		ObjectNode restored = MergeFields.restore(entry.before(), entry.after(), draft(survivor), Set.of());
		List<FieldChange> changes = store.update(survivor,
				store.check(toDraft(restored, customs), survivor, actor, customs), customs, now);
		ledger.markUndone(mergeId, actor.id(), now);
		return new Merged(mergeId, survivor.id(), survivor.name(), merged.id(), merged.name(), changes);
	}

	/** What a merge or its undoing did, for the history and the events. */
	public record Merged(long mergeId, long survivorId, String survivorName, long mergedId, String mergedName,
			List<FieldChange> survivorChanges) {
	}

	private ClientDraft toDraft(ObjectNode draft, List<CustomField> customs) {
		return json.treeToValue(MergeFields.withoutRetiredFields(draft, customs), ClientDraft.class);
	}

	private void checkMergeable(Client first, Client second) {
		if (first.id() == second.id()) {
			throw new RuleViolation(null, "merge.same-record");
		}
		if (first.kind() != second.kind()) {
			throw new RuleViolation(null, "merge.kinds-differ");
		}
	}

	private List<FieldChange> movedLines(LinkMoves.Moved moved) {
		List<FieldChange> lines = new ArrayList<>();
		if (!moved.links().isEmpty() || !moved.dropped().isEmpty()) {
			String names = String.join(", ",
					jdbc.sql("select full_name from contacts where id = any(:ids) order by id")
						.param("ids", moved.links().toArray(Long[]::new))
						.query(String.class)
						.list());
			if (!names.isEmpty()) {
				lines.add(FieldChange.of("client.field.contacts", null, names));
			}
		}
		if (!moved.legalEntities().isEmpty()) {
			lines.add(FieldChange.of("client.field.legal-entities", null,
					String.join(", ",
							jdbc.sql("select name from legal_entities where id = any(:ids) order by id")
								.param("ids", moved.legalEntities().toArray(Long[]::new))
								.query(String.class)
								.list())));
		}
		if (!moved.leads().isEmpty()) {
			lines.add(FieldChange.of("merge.field.leads", null, String.valueOf(moved.leads().size())));
		}
		return lines;
	}

	private Map<String, Integer> links(long id) {
		return jdbc.sql("""
				select (select count(*) from client_contacts where client_id = :id),
				       (select count(*) from legal_entities where client_id = :id),
				       (select count(*) from leads where client_id = :id)
				""").param("id", id).query((rs, n) -> {
			Map<String, Integer> counts = new LinkedHashMap<>();
			counts.put("merge.links.contacts", rs.getInt(1));
			counts.put("merge.links.legal-entities", rs.getInt(2));
			counts.put("merge.links.leads", rs.getInt(3));
			return counts;
		}).single();
	}

	ObjectNode draft(Client client) {
		return (ObjectNode) json.valueToTree(new ClientDraft(client.kind(), client.name(), client.shortName(),
				client.lastName(), client.firstName(), client.middleName(), client.inn(), client.kpp(), client.ogrn(),
				client.industry(), client.size(), client.website(), client.source(), client.birthday(),
				client.foundedOn(), client.notes(), client.phones(), client.emails(), client.messengers(),
				client.addresses(), client.bankAccounts(), client.keyDates(), client.segmentIds(),
				client.responsibleId(), client.custom()));
	}

}
