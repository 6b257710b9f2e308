package io.clientele.clients;

import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.clients.internal.LeadColumns;
import io.clientele.clients.internal.LeadDistribution;
import io.clientele.clients.internal.LeadStore;
import io.clientele.clients.spi.LeadFollowUp;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: inbound requests worked until they become a client (and contact person) or are
 * rejected with a reason. A new lead without a responsible manager waits in its
 * department's queue, seen by the heads above it, until one of them hands it out (or the
 * department's turn does). Every change is in the lead's history.
 */
@Service
public class Leads {

	public static final String RECORD_TYPE = "lead";

	private final LeadStore store;

	private final LeadColumns columns;

	private final RecordListQuery listQuery;

	private final LeadDistribution distribution;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final ClientService clients;

	private final ContactService contacts;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<LeadFollowUp> followUps;

	Leads(LeadStore store, LeadColumns columns, RecordListQuery listQuery, LeadDistribution distribution,
			AccessScopes scopes, UserDirectory users, ClientService clients, ContactService contacts,
			ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, List<LeadFollowUp> followUps) {
		this.followUps = followUps;
		this.store = store;
		this.columns = columns;
		this.listQuery = listQuery;
		this.distribution = distribution;
		this.scopes = scopes;
		this.users = users;
		this.clients = clients;
		this.contacts = contacts;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A lead entered by a user. A manager's lead is their own; a head or administrator
	 * may name someone in their scope or leave it in a department's queue.
	 */
	@Transactional
	public long create(LeadDraft draft, CurrentUser actor) {
		var data = store.check(draft, null);
		AccessScope scope = scopes.of(actor.id());
		long department = draft.departmentId() != null ? draft.departmentId() : actor.departmentId();
		Long responsible = draft.responsibleId();
		boolean distributes = actor.is(Role.ADMINISTRATOR) || actor.is(Role.HEAD_OF_DEPARTMENT);
		if (!distributes) {
			responsible = actor.id();
			department = actor.departmentId();
		}
		else if (responsible != null) {
			UserSummary chosen = assignable(responsible, scope, "responsibleId");
			responsible = chosen.id();
			department = chosen.departmentId();
		}
		else if (!scope.coversEverything() && !scope.departmentIds().contains(department)) {
			throw new RuleViolation("departmentId", "lead.department-not-yours");
		}
		else {
			responsible = distribution.next(department);
		}
		return insert(data, responsible, department, null, actor.id());
	}

	/**
	 * A lead from the website's intake form (or any program acting without a user): it
	 * goes to the form's department, to the manager whose turn it is where the department
	 * shares in turn.
	 */
	@Transactional
	public long receive(LeadDraft draft, long departmentId, @Nullable Long formId) {
		var data = store.check(draft, null);
		return insert(data, distribution.next(departmentId), departmentId, formId, null);
	}

	private long insert(LeadStore.LeadData data, @Nullable Long responsible, long department, @Nullable Long formId,
			@Nullable Long actorId) {
		Instant now = clock.instant();
		long id = store.insert(data, responsible, department, formId, actorId, now);
		List<FieldChange> changes = new ArrayList<>(store.initial(data));
		if (responsible != null) {
			changes.add(FieldChange.of("lead.field.responsible", null, name(responsible)));
		}
		events.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.CREATED, changes, actorId, now));
		return id;
	}

	@Transactional
	public void update(long id, LeadDraft draft, long version, CurrentUser actor) {
		LeadCard lead = store.visible(id, scopes.of(actor.id()));
		if (lead.status() == LeadStatus.CONVERTED) {
			throw new RuleViolation(null, "lead.closed");
		}
		Instant now = clock.instant();
		var changes = store.update(lead, version, store.check(draft, lead), now);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
	}

	/**
	 * Takes the lead into work, marks it qualified, or reopens a rejected one. A lead
	 * nobody was responsible for becomes the actor's.
	 */
	@Transactional
	public void move(long id, long version, LeadStatus to, CurrentUser actor) {
		if (to == LeadStatus.REJECTED || to == LeadStatus.CONVERTED) {
			throw new RuleViolation("status", "lead.status-needs-action");
		}
		LeadCard lead = store.visible(id, scopes.of(actor.id()));
		if (!lead.status().next().contains(to)) {
			throw new RuleViolation("status", "lead.status-not-allowed");
		}
		Instant now = clock.instant();
		store.status(lead, version, to, null, null, now);
		List<FieldChange> changes = new ArrayList<>();
		changes.add(FieldChange.ofKeys("lead.field.status", lead.status().messageKey(), to.messageKey()));
		if (!lead.assigned()) {
			store.assign(id, actor.id(), now);
			changes.add(FieldChange.of("lead.field.responsible", null, actor.displayName()));
		}
		events.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
	}

	/** Rejects the lead for a reason from the dictionary; it stays findable. */
	@Transactional
	public void reject(long id, long version, @Nullable Long reasonId, @Nullable String note, CurrentUser actor) {
		LeadCard lead = store.visible(id, scopes.of(actor.id()));
		if (!lead.status().next().contains(LeadStatus.REJECTED)) {
			throw new RuleViolation("status", "lead.status-not-allowed");
		}
		String reason = reasonId == null ? null : store.reasonName(reasonId);
		if (reason == null) {
			throw new RuleViolation("reasonId", "lead.reason-required");
		}
		String checkedNote = TextRules.multiline("note", note, 2_000);
		Instant now = clock.instant();
		store.status(lead, version, LeadStatus.REJECTED, reasonId, checkedNote, now);
		List<FieldChange> changes = new ArrayList<>();
		changes
			.add(FieldChange.ofKeys("lead.field.status", lead.status().messageKey(), LeadStatus.REJECTED.messageKey()));
		changes.add(FieldChange.of("lead.field.rejection-reason", null, reason));
		if (checkedNote != null && !checkedNote.isBlank()) {
			changes.add(FieldChange.of("lead.field.rejection-note", null, checkedNote));
		}
		events.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
	}

	/**
	 * Hands leads to a person: a head within their department's people, an administrator
	 * to anyone. Leads the actor cannot see are refused as not found.
	 * @return how many leads changed hands
	 */
	@Transactional
	public int assign(List<Long> ids, long userId, CurrentUser actor) {
		if (!actor.is(Role.ADMINISTRATOR) && !actor.is(Role.HEAD_OF_DEPARTMENT)) {
			throw new RuleViolation(null, "lead.assign-not-allowed");
		}
		AccessScope scope = scopes.of(actor.id());
		UserSummary to = assignable(userId, scope, "userId");
		List<LeadCard> moving = new ArrayList<>();
		for (LeadCard lead : store.visible(ids, scope)) {
			if (lead.responsibleId() != null && lead.responsibleId() == userId) {
				continue;
			}
			if (!lead.status().open()) {
				throw new RuleViolation(null, "lead.closed");
			}
			moving.add(lead);
		}
		Instant now = clock.instant();
		store.assign(moving.stream().map(LeadCard::id).toList(), userId, now);
		Map<Long, String> previous = users
			.names(moving.stream().map(LeadCard::responsibleId).filter(java.util.Objects::nonNull).distinct().toList());
		for (LeadCard lead : moving) {
			events.publishEvent(new RecordChanged(RECORD_TYPE, lead.id(), RecordChanged.Action.REASSIGNED,
					List.of(FieldChange.of("lead.field.responsible",
							lead.responsibleId() == null ? null : previous.get(lead.responsibleId()), to.fullName())),
					actor.id(), now));
		}
		return moving.size();
	}

	/**
	 * What a lead becomes.
	 *
	 * @param existingClientId an existing client (found as a duplicate) instead of a new
	 * one
	 * @param clientName the new organisation's name; blank makes the new client an
	 * individual with the person's name
	 * @param contact whether the person becomes a contact person of the (organisation)
	 * client
	 */
	public record Conversion(@Nullable Long existingClientId, @Nullable String clientName, @Nullable String lastName,
			@Nullable String firstName, @Nullable String middleName, boolean contact, @Nullable String dealSubject) {

		/** A conversion that opens no deal. */
		public Conversion(@Nullable Long existingClientId, @Nullable String clientName, @Nullable String lastName,
				@Nullable String firstName, @Nullable String middleName, boolean contact) {
			this(existingClientId, clientName, lastName, firstName, middleName, contact, null);
		}

	}

	/** The records a conversion made or used; the deal when one was opened. */
	public record Converted(long clientId, @Nullable Long contactId, @Nullable Long dealId) {
	}

	/**
	 * Turns the lead into a client (new, or an existing one) and a contact person in one
	 * transaction: all of it happens or none. The lead keeps links to both.
	 */
	@Transactional
	public Converted convert(long id, long version, Conversion conversion, CurrentUser actor) {
		LeadCard lead = store.visible(id, scopes.of(actor.id()));
		if (!lead.status().open()) {
			throw new RuleViolation(null, "lead.closed");
		}
		List<Phone> phones = lead.phone() == null ? List.of() : List.of(new Phone(lead.phone(), null));
		List<Email> emails = lead.email() == null ? List.of() : List.of(new Email(lead.email(), null));
		long responsible = lead.responsibleId() != null ? lead.responsibleId() : actor.id();
		long clientId;
		ClientKind kind;
		@Nullable String clientName = null;
		if (conversion.existingClientId() != null) {
			ClientCard existing = clients.card(conversion.existingClientId(), actor);
			clientName = existing.name();
			clientId = existing.id();
			kind = existing.kind();
		}
		else if (conversion.clientName() != null && !conversion.clientName().isBlank()) {
			kind = ClientKind.ORGANISATION;
			clientId = clients.create(new ClientDraft(kind, conversion.clientName(), null, null, null, null, null, null,
					null, null, null, null, source(lead), null, null, lead.message(), phones, emails, List.of(),
					List.of(), List.of(), List.of(), List.of(), responsible, Map.of()), actor);
		}
		else {
			kind = ClientKind.INDIVIDUAL;
			clientId = clients.create(new ClientDraft(kind, null, null, conversion.lastName(), conversion.firstName(),
					conversion.middleName(), null, null, null, null, null, null, source(lead), null, null,
					lead.message(), phones, emails, List.of(), List.of(), List.of(), List.of(), List.of(), responsible,
					Map.of()), actor);
		}
		Long contactId = null;
		if (conversion.contact() && kind == ClientKind.ORGANISATION) {
			contactId = contacts.create(new ContactDraft(conversion.lastName(), conversion.firstName(),
					conversion.middleName(), null, phones, emails, List.of(), null,
					List.of(new ContactDraft.Work(clientId, null, null, false, false, null)), Map.of()), actor);
		}
		Long dealId = null;
		if (conversion.dealSubject() != null && !conversion.dealSubject().isBlank()) {
			for (LeadFollowUp followUp : followUps) {
				Long opened = followUp.open(lead, clientId, contactId, conversion.dealSubject().strip(), actor);
				dealId = dealId != null ? dealId : opened;
			}
		}
		Instant now = clock.instant();
		store.converted(lead, version, clientId, contactId, dealId, now);
		if (!lead.assigned()) {
			store.assign(id, actor.id(), now);
		}
		List<FieldChange> changes = new ArrayList<>();
		changes.add(
				FieldChange.ofKeys("lead.field.status", lead.status().messageKey(), LeadStatus.CONVERTED.messageKey()));
		changes.add(FieldChange.of("lead.field.client", null,
				clientName != null ? clientName : clients.card(clientId, actor).name()));
		events.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		return new Converted(clientId, contactId, dealId);
	}

	@Transactional(readOnly = true)
	public LeadCard card(long id, CurrentUser reader) {
		return store.visible(id, scopes.of(reader.id()));
	}

	@Transactional(readOnly = true)
	public RecordListPage page(RecordQuery query, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		return listQuery.page(columns.source(), query, scope.queueCondition("c.responsible_id", "c.department_id"),
				scope::bindQueue);
	}

	/**
	 * The next {@code size} leads of the list after a cursor, for an export: the same
	 * leads, filters, columns and order as {@link #page}, one short read-only transaction
	 * per slice.
	 * @param after the {@code next} of the previous slice, or null for the first
	 */
	@Transactional(readOnly = true)
	public RecordListQuery.Slice slice(RecordQuery query, @Nullable String after, int size, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		return listQuery.slice(columns.source(), query, scope.queueCondition("c.responsible_id", "c.department_id"),
				scope::bindQueue, after, size);
	}

	/** A reason a lead can be rejected for. */
	public record Reason(long id, String name) {
	}

	@Transactional(readOnly = true)
	public List<Reason> reasons() {
		return jdbc.sql("select id, name from lead_rejection_reasons where active order by position, lower(name)")
			.query((rs, n) -> new Reason(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** The new leads waiting for the reader to take them up, for the start page. */
	@Transactional(readOnly = true)
	public long waiting(CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		if (reader.is(Role.ADMINISTRATOR) || reader.is(Role.HEAD_OF_DEPARTMENT)) {
			return scope.bindQueue(jdbc.sql("select count(*) from leads c where c.status = 'NEW' and "
					+ scope.queueCondition("c.responsible_id", "c.department_id") + " and c.responsible_id is null"))
				.query(Long.class)
				.single();
		}
		return jdbc.sql("select count(*) from leads where status = 'NEW' and responsible_id = ?")
			.param(reader.id())
			.query(Long.class)
			.single();
	}

	private UserSummary assignable(long userId, AccessScope scope, String field) {
		return users.activeWithin(scope)
			.stream()
			.filter(user -> user.id() == userId)
			.findFirst()
			.orElseThrow(() -> new RuleViolation(field, "lead.assignee-not-allowed"));
	}

	private String name(long userId) {
		return users.names(List.of(userId)).getOrDefault(userId, "#" + userId);
	}

	private static @Nullable String source(LeadCard lead) {
		return lead.channel();
	}

}
