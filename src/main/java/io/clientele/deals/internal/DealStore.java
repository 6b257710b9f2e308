package io.clientele.deals.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.ClientService;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealCard;
import io.clientele.deals.DealDraft;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealVisibility;
import io.clientele.deals.LossReason;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads and saves deal aggregates for the deals facade: checks a draft against the rules
 * and the user's rights, finds deals only within a visibility, and describes changes for
 * the history.
 */
@Component
public class DealStore {

	public static final String CUSTOM_FIELDS = "DEAL";

	private final DealRepository deals;

	private final SalesScenarios scenarios;

	private final ClientService clients;

	private final RecordNames names;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final CustomFields customFields;

	private final Clock clock;

	private final DealLiveUpdates live;

	DealStore(DealRepository deals, SalesScenarios scenarios, ClientService clients, RecordNames names,
			UserDirectory users, AccessScopes scopes, CustomFields customFields, Clock clock, DealLiveUpdates live) {
		this.live = live;
		this.deals = deals;
		this.scenarios = scenarios;
		this.clients = clients;
		this.names = names;
		this.users = users;
		this.scopes = scopes;
		this.customFields = customFields;
		this.clock = clock;
	}

	public DealVisibility visibility(long userId) {
		return new DealVisibility(scopes.of(userId));
	}

	/** A live deal the visibility covers; anything else is "not found". */
	public Deal visible(long id, DealVisibility visibility) {
		return deals.findById(id)
			.filter(deal -> !deal.deleted())
			.filter(deal -> visibility.covers(deal.responsibleId(), deal.coExecutorIds()))
			.orElseThrow(() -> new RecordNotFound("Deal", id));
	}

	/**
	 * A live deal whoever may see it: for what the system does to a deal (its process).
	 */
	public Deal live(long id) {
		return deals.findById(id).filter(deal -> !deal.deleted()).orElseThrow(() -> new RecordNotFound("Deal", id));
	}

	public Deal visibleInRecycleBin(long id, DealVisibility visibility) {
		return deals.findById(id)
			.filter(Deal::deleted)
			.filter(deal -> deal.deletedAt().isAfter(clock.instant().minus(Duration.ofDays(Deal.RESTORABLE_DAYS))))
			.filter(deal -> visibility.covers(deal.responsibleId(), deal.coExecutorIds()))
			.orElseThrow(() -> new RecordNotFound("Deal", id));
	}

	/** The stage a new deal starts in: the chosen one or the scenario's first. */
	public Stage startStage(long scenarioId, @Nullable Long stageId) {
		SalesScenario scenario = scenario(scenarioId);
		List<Stage> active = scenario.activeStages();
		if (!scenario.active() || active.isEmpty()) {
			throw new RuleViolation("scenarioId", "deal.scenario-invalid");
		}
		if (stageId == null) {
			return active.get(0);
		}
		return active.stream()
			.filter(stage -> stage.id() == stageId)
			.findFirst()
			.orElseThrow(() -> new RuleViolation("stageId", "deal.move.stage-invalid"));
	}

	public Stage stage(Deal deal) {
		return scenario(deal.scenarioId()).stage(deal.stageId()).orElseThrow();
	}

	public Stage stage(Deal deal, long stageId) {
		return scenario(deal.scenarioId()).stage(stageId)
			.orElseThrow(() -> new RuleViolation("stageId", "deal.move.stage-invalid"));
	}

	public SalesScenario scenario(long id) {
		try {
			return scenarios.scenario(id);
		}
		catch (RecordNotFound ex) {
			throw new RuleViolation("scenarioId", "deal.scenario-invalid");
		}
	}

	public List<CustomField> fields() {
		return customFields.of(CUSTOM_FIELDS);
	}

	public DealData check(DealDraft draft, @Nullable Deal existing, int stageProbability, CurrentUser actor,
			List<CustomField> fields) {
		if (existing == null || existing.clientId() != draft.clientId()) {
			if (!clients.visible(draft.clientId(), actor)) {
				throw new RuleViolation("clientId", "deal.client-invalid");
			}
		}
		if (draft.contactId() != null && !names.contactsOf(draft.clientId()).containsKey(draft.contactId())
				&& (existing == null || !draft.contactId().equals(existing.contactId()))) {
			throw new RuleViolation("contactId", "deal.contact-invalid");
		}
		var lines = DealRules.lines(draft.lines());
		return new DealData(draft.clientId(), draft.contactId(), DealRules.subject(draft.subject()),
				DealRules.text("description", draft.description(), DealRules.TEXT_MAX),
				DealRules.text("kind", draft.kind(), 100), DealRules.amount(draft.amount(), lines),
				DealRules.currency(draft.currency()), DealRules.probability(draft.probability(), stageProbability),
				draft.expectedClose(), DealRules.text("channel", draft.channel(), 200),
				responsible(draft.responsibleId(), existing, actor), coExecutors(draft.coExecutorIds(), existing),
				DealRules.tags(draft.tags()), lines,
				customFields.check(fields, draft.custom(), existing == null ? Map.of() : existing.custom(), true));
	}

	public Deal create(DealData data, Stage stage, DealMode mode, @Nullable Long leadId, long actorId, Instant now) {
		return deals.save(Deal.open(data, stage, mode, leadId, actorId, now));
	}

	/** Writes the change now, so that a concurrent edit is refused inside the call. */
	public Deal save(Deal deal) {
		try {
			return deals.saveAndFlush(deal);
		}
		catch (org.springframework.orm.ObjectOptimisticLockingFailureException ex) {
			throw new io.clientele.shared.ConcurrentEdit("Deal", deal.id(), deal.version(), deal.version() + 1);
		}
	}

	public void update(Deal deal, DealData data, Instant now) {
		if (deal.responsibleId() != data.responsibleId()
				|| !new HashSet<>(data.coExecutorIds()).containsAll(deal.coExecutorIds())) {
			live.ownersChanging(deal.id(), deal.responsibleId(), deal.coExecutorIds());
		}
		deal.update(data, now);
		save(deal);
	}

	public void delete(Deal deal, long actorId, Instant now) {
		deal.moveToRecycleBin(actorId, now);
		save(deal);
	}

	public void restore(Deal deal, Instant now) {
		deal.restore(now);
		save(deal);
	}

	public void move(Deal deal, long stageId, long actorId, Instant now) {
		deal.moveTo(stage(deal, stageId), stage(deal), actorId, now);
		save(deal);
	}

	public void moveByProcess(Deal deal, long stageId, @Nullable Long actorId, Instant now) {
		deal.moveByProcess(stage(deal, stageId), actorId, now);
		save(deal);
	}

	public void addCoExecutor(Deal deal, long userId, Instant now) {
		deal.addCoExecutor(userId, now);
		save(deal);
	}

	public void win(Deal deal, @Nullable Long actorId, Instant now) {
		deal.win(stage(deal), actorId, now);
		save(deal);
	}

	public void lose(Deal deal, @Nullable Long reasonId, @Nullable String note, @Nullable Long actorId, Instant now) {
		if (reasonId == null
				|| scenarios.lossReasons().stream().noneMatch(reason -> reason.id() == reasonId && reason.active())) {
			throw new RuleViolation("reasonId", "deal.lose.reason-required");
		}
		deal.lose(reasonId, DealRules.text("note", note, DealRules.TEXT_MAX), actorId, now);
		save(deal);
	}

	public void reopen(Deal deal, long actorId, Instant now) {
		deal.reopen(stage(deal), actorId, now);
		save(deal);
	}

	public void switchMode(Deal deal, DealMode mode, Instant now) {
		deal.switchMode(mode, now);
		save(deal);
	}

	public void tick(Deal deal, long itemId, boolean ticked, long actorId, Instant now) {
		deal.tick(stage(deal), itemId, ticked, actorId, now);
		save(deal);
	}

	public DealChanges.Snapshot snapshot(Deal deal, List<CustomField> fields) {
		Set<Long> people = new HashSet<>(deal.coExecutorIds());
		people.add(deal.responsibleId());
		SalesScenario scenario = scenario(deal.scenarioId());
		Map<Long, String> stages = new LinkedHashMap<>();
		scenario.stages().forEach(stage -> stages.put(stage.id(), stage.name()));
		Map<Long, String> reasons = new LinkedHashMap<>();
		if (deal.lossReasonId() != null) {
			scenarios.lossReasons().forEach(reason -> reasons.put(reason.id(), reason.name()));
		}
		return DealChanges.of(deal,
				new DealChanges.Names(names.clients(List.of(deal.clientId())),
						deal.contactId() == null ? Map.of() : names.contacts(List.of(deal.contactId())),
						users.names(people), stages, Map.of(scenario.id(), scenario.name()), reasons),
				fields);
	}

	public List<FieldChange> changes(DealChanges.Snapshot before, Deal after, List<CustomField> fields) {
		return DealChanges.between(before, snapshot(after, fields));
	}

	public List<FieldChange> initialChanges(Deal deal, List<CustomField> fields) {
		return DealChanges.initial(snapshot(deal, fields));
	}

	public DealCard card(Deal deal) {
		SalesScenario scenario = scenario(deal.scenarioId());
		Stage stage = scenario.stage(deal.stageId()).orElseThrow();
		Set<Long> people = new HashSet<>(deal.coExecutorIds());
		people.add(deal.responsibleId());
		Map<Long, String> userNames = users.names(people);
		Map<Long, String> coExecutors = new LinkedHashMap<>();
		deal.coExecutorIds().forEach(id -> coExecutors.put(id, userNames.getOrDefault(id, "#" + id)));
		String lossReason = deal.lossReasonId() == null ? null
				: scenarios.lossReasons()
					.stream()
					.filter(reason -> reason.id() == deal.lossReasonId())
					.map(LossReason::name)
					.findFirst()
					.orElse(null);
		List<DealCard.Visit> visits = new ArrayList<>();
		for (StageVisit visit : deal.visits()) {
			visits.add(new DealCard.Visit(visit.stageId(),
					scenario.stage(visit.stageId()).map(Stage::name).orElse("#" + visit.stageId()), visit.enteredAt(),
					visit.leftAt(), visit.outcome() == null ? null : visit.outcome().name()));
		}
		Instant now = clock.instant();
		long days = Duration.between(deal.stageEnteredAt(), now).toDays();
		boolean stalled = deal.state().open() && stage.maxDays() != null && days > stage.maxDays();
		Set<Long> ticked = new HashSet<>(deal.tickedItems());
		return new DealCard(deal.id(), deal.version(), deal.clientId(),
				names.clients(List.of(deal.clientId())).getOrDefault(deal.clientId(), "#" + deal.clientId()),
				deal.contactId(),
				deal.contactId() == null ? null : names.contacts(List.of(deal.contactId())).get(deal.contactId()),
				deal.subject(), deal.description(), deal.kind(), scenario.id(), scenario.name(), stage.id(),
				stage.name(), deal.mode(), deal.state(), deal.lossReasonId(), lossReason, deal.lossNote(),
				deal.amount(), deal.currency(), deal.probability(), deal.expectedClose(), deal.channel(),
				deal.responsibleId(), userNames.getOrDefault(deal.responsibleId(), "?"), coExecutors, deal.tags(),
				deal.lines(), deal.custom(), ticked, visits, deal.stageEnteredAt(), days, stalled, deal.closedAt(),
				deal.leadId(), deal.createdAt(), deal.updatedAt());
	}

	/**
	 * Who becomes responsible: by default the user themself (or, when editing, whoever is
	 * now); a manager cannot give their deal away, a head gives it within their
	 * department tree, an administrator to anyone active.
	 */
	private long responsible(@Nullable Long requested, @Nullable Deal existing, CurrentUser actor) {
		long current = existing == null ? actor.id() : existing.responsibleId();
		if (requested == null || requested == current) {
			return current;
		}
		if (!(actor.is(Role.ADMINISTRATOR) || actor.is(Role.HEAD_OF_DEPARTMENT))) {
			throw new RuleViolation("responsibleId", "deal.responsible.not-yours-to-give");
		}
		boolean allowed = users.find(requested)
			.filter(UserSummary::active)
			.filter(user -> scopes.of(actor.id()).covers(user.id()))
			.isPresent();
		if (!allowed) {
			throw new RuleViolation("responsibleId", "deal.responsible.not-allowed");
		}
		return requested;
	}

	/**
	 * Co-executors are any active users (new ones), kept as they are when already on it.
	 */
	private List<Long> coExecutors(List<Long> requested, @Nullable Deal existing) {
		List<Long> kept = new ArrayList<>();
		for (Long id : new java.util.LinkedHashSet<>(requested)) {
			boolean already = existing != null && existing.coExecutorIds().contains(id);
			if (!already && users.find(id).filter(UserSummary::active).isEmpty()) {
				throw new RuleViolation("coExecutorIds", "deal.co-executor-invalid");
			}
			kept.add(id);
		}
		return kept;
	}

	/** Whether the user may switch the deal's mode: its responsible manager or a head. */
	public boolean maySwitchMode(Deal deal, CurrentUser actor) {
		return deal.responsibleId() == actor.id() || actor.is(Role.ADMINISTRATOR) || actor.is(Role.HEAD_OF_DEPARTMENT);
	}

	/**
	 * Reopening a closed deal is for a head (of its responsible's department) or an
	 * admin.
	 */
	public boolean mayReopen(CurrentUser actor) {
		return actor.is(Role.ADMINISTRATOR) || actor.is(Role.HEAD_OF_DEPARTMENT);
	}

	public AccessScope scope(long userId) {
		return scopes.of(userId);
	}

}
