package io.clientele.clients.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.ClientCard;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientVisibility;
import io.clientele.clients.Segment;
import io.clientele.clients.Segments;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads and saves client aggregates for {@link io.clientele.clients.ClientService}:
 * checks a draft against the rules and the user's rights, finds clients only within a
 * visibility, and describes changes for the history.
 */
@Component
public class ClientStore {

	private final ClientRepository clients;

	private final JdbcClient jdbc;

	private final Segments segments;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final CustomFields customFields;

	private final ClientCardQueries cards;

	private final String phoneRegion;

	ClientStore(ClientRepository clients, Segments segments, UserDirectory users, AccessScopes scopes,
			CustomFields customFields, ClientCardQueries cards, ClienteleProperties properties, JdbcClient jdbc) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.segments = segments;
		this.users = users;
		this.scopes = scopes;
		this.customFields = customFields;
		this.cards = cards;
		this.phoneRegion = properties.phoneRegion();
	}

	public ClientData check(ClientDraft draft, @Nullable Client existing, CurrentUser actor, List<CustomField> fields) {
		long responsible = responsible(draft.responsibleId(), existing, actor);
		segments.checkAssignable("segmentIds", draft.segmentIds(),
				existing == null ? List.of() : existing.segmentIds());
		Map<String, Object> custom = customFields.check(fields, draft.custom(),
				existing == null ? Map.of() : existing.custom(), true);
		return ClientRules.check(draft, phoneRegion, responsible, custom);
	}

	public Client create(ClientData data, long actorId, Instant now) {
		return clients.save(Client.create(data, actorId, now));
	}

	public List<FieldChange> update(Client client, ClientData data, List<CustomField> fields, Instant now) {
		var before = snapshot(client, fields);
		client.update(data, now);
		clients.save(client);
		return ClientChanges.between(before, snapshot(client, fields));
	}

	public void delete(Client client, long actorId, Instant now) {
		client.moveToRecycleBin(actorId, now);
		clients.save(client);
	}

	public void restore(Client client, Instant now) {
		client.restore(now);
		clients.save(client);
	}

	public List<FieldChange> initialChanges(Client client, List<CustomField> fields) {
		return ClientChanges.initial(snapshot(client, fields));
	}

	/** A live client the visibility covers; anything else is "not found". */
	public Client visible(long id, ClientVisibility visibility) {
		return clients.findById(id)
			.filter(client -> !client.deleted())
			.filter(client -> visibility.covers(client.responsibleId(), client.segmentIds()))
			.orElseThrow(() -> new RecordNotFound("Client", id));
	}

	/**
	 * Whether the client exists, is not in the recycle bin and is within the visibility:
	 * its owner and segments alone, not the whole record (a timeline asks this on every
	 * page).
	 */
	public boolean isVisible(long id, ClientVisibility visibility) {
		record Owner(long responsibleId, Long[] segmentIds) {
		}
		return jdbc.sql("select responsible_id, segment_ids from clients where id = :id and deleted_at is null")
			.param("id", id)
			.query((rs, n) -> new Owner(rs.getLong(1), (Long[]) rs.getArray(2).getArray()))
			.optional()
			.map(owner -> visibility.covers(owner.responsibleId(), List.of(owner.segmentIds())))
			.orElse(false);
	}

	public Client visibleInRecycleBin(long id, ClientVisibility visibility) {
		return clients.findById(id)
			.filter(Client::deleted)
			.filter(client -> visibility.covers(client.responsibleId(), client.segmentIds()))
			.orElseThrow(() -> new RecordNotFound("Client", id));
	}

	public ClientCard card(Client client) {
		return cards.card(client, users.find(client.responsibleId()).map(UserSummary::fullName).orElse("?"),
				new ArrayList<>(segments.byId(client.segmentIds()).values()));
	}

	public List<io.clientele.clients.LegalEntity> legalEntities(long clientId) {
		return cards.legalEntities(clientId);
	}

	public static List<io.clientele.clients.BankAccount> checkedBankAccounts(
			List<io.clientele.clients.BankAccount> accounts) {
		return ClientRules.bankAccounts(accounts);
	}

	ClientChanges.Snapshot snapshot(Client client, List<CustomField> fields) {
		Set<Long> people = new HashSet<>(List.of(client.responsibleId()));
		Map<Long, String> names = users.names(people);
		Map<Long, Segment> held = segments.byId(client.segmentIds());
		return ClientChanges.of(client, id -> names.getOrDefault(id, "#" + id),
				id -> held.containsKey(id) ? held.get(id).label() : "#" + id, fields);
	}

	/**
	 * Who becomes responsible: by default the user themself (or, when editing, whoever is
	 * now); a manager cannot give their client away, a head gives it within their
	 * department tree, an administrator to anyone active.
	 */
	private long responsible(@Nullable Long requested, @Nullable Client existing, CurrentUser actor) {
		long current = existing == null ? actor.id() : existing.responsibleId();
		if (requested == null || requested == current) {
			return current;
		}
		if (actor.is(Role.SALES_MANAGER) || actor.is(Role.MARKETER) || actor.is(Role.SUPPORT)) {
			throw new RuleViolation("responsibleId", "client.responsible.not-yours-to-give");
		}
		boolean allowed = users.find(requested)
			.filter(UserSummary::active)
			.filter(user -> scopes.of(actor.id()).covers(user.id()))
			.isPresent();
		if (!allowed) {
			throw new RuleViolation("responsibleId", "client.responsible.not-allowed");
		}
		return requested;
	}

}
