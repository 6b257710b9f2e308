package io.clientele.activities.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionVisibility;
import io.clientele.activities.MeetingRooms;
import io.clientele.clients.ClientService;
import io.clientele.clients.ClientVisibility;
import io.clientele.clients.RecordNames;
import io.clientele.clients.Segments;
import io.clientele.deals.DealQueries;
import io.clientele.deals.DealService;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.ConcurrentEdit;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Loads and saves interactions for the activities facade: checks a draft against the
 * rules and what the user may see, finds interactions only within a visibility, and
 * describes changes for the history.
 */
@Component
public class InteractionStore {

	private final InteractionRepository interactions;

	private final ClientService clients;

	private final DealService deals;

	private final DealQueries dealQueries;

	private final RecordNames names;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final Segments segments;

	private final InteractionRooms rooms;

	private final Clock clock;

	InteractionStore(InteractionRepository interactions, ClientService clients, DealService deals,
			DealQueries dealQueries, RecordNames names, UserDirectory users, AccessScopes scopes, Segments segments,
			InteractionRooms rooms, Clock clock) {
		this.rooms = rooms;
		this.interactions = interactions;
		this.clients = clients;
		this.deals = deals;
		this.dealQueries = dealQueries;
		this.names = names;
		this.users = users;
		this.scopes = scopes;
		this.segments = segments;
		this.clock = clock;
	}

	public InteractionVisibility visibility(long userId) {
		AccessScope scope = scopes.of(userId);
		return new InteractionVisibility(scope, new ClientVisibility(scope, segments.readableBy(userId)),
				new DealVisibility(scope));
	}

	/**
	 * A live interaction the reader may see: they do it or take part (or their scope
	 * does), or they may see its client or its deal. Anything else is "not found".
	 */
	public Interaction visible(long id, CurrentUser reader) {
		return interactions.findById(id)
			.filter(interaction -> !interaction.deleted())
			.filter(interaction -> covers(interaction, reader))
			.orElseThrow(() -> new RecordNotFound("Interaction", id));
	}

	public Interaction visibleInRecycleBin(long id, CurrentUser reader) {
		Instant since = clock.instant().minus(Duration.ofDays(Interaction.RESTORABLE_DAYS));
		return interactions.findById(id)
			.filter(Interaction::deleted)
			.filter(interaction -> interaction.deletedAt().isAfter(since))
			.filter(interaction -> covers(interaction, reader))
			.orElseThrow(() -> new RecordNotFound("Interaction", id));
	}

	private boolean covers(Interaction interaction, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		return scope.covers(interaction.responsibleId())
				|| interaction.participantUserIds().stream().anyMatch(scope::covers)
				|| clients.visible(interaction.clientId(), reader)
				|| (interaction.dealId() != null && deals.visible(interaction.dealId(), reader));
	}

	/**
	 * The draft as the interaction's data: the client one the actor may see, the contact
	 * person one of its people, the deal one of its deals, the executor an active user.
	 * What an edit keeps unchanged is not checked again (a contact person who left
	 * since).
	 */
	public InteractionData check(InteractionDraft draft, @Nullable Interaction existing, CurrentUser actor) {
		if (draft.kind() == null) {
			throw new RuleViolation("kind", "interaction.kind-required");
		}
		if (draft.at() == null) {
			throw new RuleViolation("at", "interaction.at-required");
		}
		boolean sameClient = existing != null && existing.clientId() == draft.clientId();
		if (!sameClient && !clients.visible(draft.clientId(), actor)) {
			throw new RuleViolation("clientId", "interaction.client-invalid");
		}
		Map<Long, String> contacts = names.contactsOf(draft.clientId());
		if (draft.contactId() != null && !contacts.containsKey(draft.contactId())
				&& !(sameClient && draft.contactId().equals(existing.contactId()))) {
			throw new RuleViolation("contactId", "interaction.contact-invalid");
		}
		if (draft.dealId() != null && !(sameClient && draft.dealId().equals(existing.dealId()))) {
			boolean ofTheClient;
			try {
				ofTheClient = deals.card(draft.dealId(), actor).clientId() == draft.clientId();
			}
			catch (RecordNotFound ex) {
				ofTheClient = false;
			}
			if (!ofTheClient) {
				throw new RuleViolation("dealId", "interaction.deal-invalid");
			}
		}
		List<Long> participantContacts = new ArrayList<>(new LinkedHashSet<>(draft.participantContactIds()));
		Set<Long> keptContacts = existing == null ? Set.of() : new HashSet<>(existing.participantContactIds());
		for (Long id : participantContacts) {
			if (!contacts.containsKey(id) && !(sameClient && keptContacts.contains(id))) {
				throw new RuleViolation("participantContactIds", "interaction.contact-invalid");
			}
		}
		List<Long> participantUsers = new ArrayList<>(new LinkedHashSet<>(draft.participantUserIds()));
		Set<Long> keptUsers = existing == null ? Set.of() : new HashSet<>(existing.participantUserIds());
		for (Long id : participantUsers) {
			if (!keptUsers.contains(id) && users.find(id).filter(UserSummary::active).isEmpty()) {
				throw new RuleViolation("participantUserIds", "interaction.participant-invalid");
			}
		}
		return new InteractionData(draft.kind(), draft.at(), draft.clientId(), draft.contactId(), draft.dealId(),
				InteractionRules.subject(draft.subject()),
				InteractionRules.text("result", draft.result(), InteractionRules.TEXT_MAX),
				InteractionRules.minutes(draft.minutesSpent()), executor(draft.responsibleId(), existing, actor),
				participantUsers, participantContacts, draft.direction(),
				InteractionRules.duration(draft.durationSeconds()), draft.callResult(),
				InteractionRules.url(draft.recordingUrl()),
				InteractionRules.text("place", draft.place(), InteractionRules.SHORT_MAX),
				InteractionRules.text("channel", draft.channel(), 100),
				InteractionRules.plannedMinutes(draft.plannedMinutes()));
	}

	/**
	 * Who does it: the author by default (or whoever does it now, when editing); any
	 * active colleague otherwise, since work on a client passes from one person to the
	 * next (the sales conveyor).
	 */
	public long executor(@Nullable Long requested, @Nullable Interaction existing, CurrentUser actor) {
		long current = existing == null ? actor.id() : existing.responsibleId();
		if (requested == null || requested == current) {
			return current;
		}
		if (users.find(requested).filter(UserSummary::active).isEmpty()) {
			throw new RuleViolation("responsibleId", "interaction.responsible-invalid");
		}
		return requested;
	}

	public Interaction create(Interaction interaction) {
		return interactions.save(interaction);
	}

	/** Writes the change now, so that a concurrent edit is refused inside the call. */
	public Interaction save(Interaction interaction) {
		try {
			return interactions.saveAndFlush(interaction);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConcurrentEdit("Interaction", interaction.id(), interaction.version(), interaction.version() + 1);
		}
	}

	public Map<String, InteractionChanges.Value> snapshot(Interaction interaction) {
		return InteractionChanges.of(interaction, names(interaction));
	}

	public List<FieldChange> changes(Map<String, InteractionChanges.Value> before, Interaction after) {
		return InteractionChanges.between(before, snapshot(after));
	}

	public List<FieldChange> initialChanges(Interaction interaction) {
		return InteractionChanges.initial(snapshot(interaction));
	}

	private InteractionChanges.Names names(Interaction interaction) {
		return names(interaction, rooms.of(interaction.id()).orElse(null));
	}

	private InteractionChanges.Names names(Interaction interaction, MeetingRooms.@Nullable Booking room) {
		Set<Long> people = new HashSet<>(interaction.participantUserIds());
		people.add(interaction.responsibleId());
		Set<Long> contactIds = new HashSet<>(interaction.participantContactIds());
		if (interaction.contactId() != null) {
			contactIds.add(interaction.contactId());
		}
		return new InteractionChanges.Names(names.clients(List.of(interaction.clientId())), names.contacts(contactIds),
				interaction.dealId() == null ? Map.of() : dealQueries.subjects(List.of(interaction.dealId())),
				users.names(people), room == null ? null : room.roomName());
	}

	public InteractionCard card(Interaction i) {
		MeetingRooms.Booking room = rooms.of(i.id()).orElse(null);
		InteractionChanges.Names named = names(i, room);
		Map<Long, String> userNames = new HashMap<>(named.users());
		if (i.createdBy() != null && !userNames.containsKey(i.createdBy())) {
			userNames.putAll(users.names(List.of(i.createdBy())));
		}
		Map<Long, String> participantUsers = new LinkedHashMap<>();
		i.participantUserIds().forEach(id -> participantUsers.put(id, userNames.getOrDefault(id, "#" + id)));
		Map<Long, String> participantContacts = new LinkedHashMap<>();
		i.participantContactIds()
			.forEach(id -> participantContacts.put(id, named.contacts().getOrDefault(id, "#" + id)));
		return new InteractionCard(i.id(), i.version(), i.kind(), i.state(), i.at(), i.plannedAt(), i.doneAt(),
				i.clientId(), named.clients().getOrDefault(i.clientId(), "#" + i.clientId()), i.contactId(),
				InteractionChanges.Names.of(named.contacts(), i.contactId()), i.dealId(),
				InteractionChanges.Names.of(named.deals(), i.dealId()), i.subject(), i.result(), i.minutesSpent(),
				i.responsibleId(), userNames.getOrDefault(i.responsibleId(), "?"), participantUsers,
				participantContacts, i.direction(), i.durationSeconds(), i.callResult(), i.recordingUrl(), i.place(),
				i.channel(), i.plannedMinutes(), room == null ? null : room.roomId(),
				room == null ? null : room.roomName(), i.followsId(), i.createdAt(),
				i.createdBy() == null ? null : userNames.get(i.createdBy()), i.updatedAt());
	}

}
