package io.clientele.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.clientele.deals.internal.Deal;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's way through its stages: moving it by hand, ticking the checklist, winning,
 * losing, reopening, and switching how it is managed. Each action is refused when the
 * deal changed since the version the user saw, and lands in the history.
 */
@Service
public class DealProgress {

	private final DealStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DealProgress(DealStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Moves the deal to another stage of its scenario: only with manual stages (a
	 * process-controlled deal moves by its process; one without process has no stages to
	 * move through), and forwards only with the current stage's required items ticked.
	 */
	@Transactional
	public void move(long id, long stageId, long version, CurrentUser actor) {
		change(id, version, actor, (deal, now) -> store.move(deal, stageId, actor.id(), now));
	}

	@Transactional
	public void win(long id, long version, CurrentUser actor) {
		change(id, version, actor, (deal, now) -> store.win(deal, actor.id(), now));
	}

	/** Closes the deal as lost, for a reason from the list (required). */
	@Transactional
	public void lose(long id, @Nullable Long reasonId, @Nullable String note, long version, CurrentUser actor) {
		change(id, version, actor, (deal, now) -> store.lose(deal, reasonId, note, actor.id(), now));
	}

	/** Back in work: for a head or an administrator only. */
	@Transactional
	public void reopen(long id, long version, CurrentUser actor) {
		if (!store.mayReopen(actor)) {
			store.visible(id, store.visibility(actor.id()));
			throw new RuleViolation(null, "deal.reopen.heads-only");
		}
		change(id, version, actor, (deal, now) -> store.reopen(deal, actor.id(), now));
	}

	/**
	 * Switches how the deal is managed: for its responsible manager or a head. Process
	 * control needs a route map on the deal's scenario; the switch publishes
	 * {@link DealModeSwitched}, on which the deal's process starts or ends in this
	 * transaction (a process that cannot start refuses the switch).
	 */
	@Transactional
	public void switchMode(long id, DealMode mode, long version, CurrentUser actor) {
		Deal deal = store.visible(id, store.visibility(actor.id()));
		deal.checkVersion(version);
		if (!store.maySwitchMode(deal, actor)) {
			throw new RuleViolation("mode", "deal.mode.not-yours");
		}
		DealMode from = deal.mode();
		SalesScenario scenario = store.scenario(deal.scenarioId());
		if (mode == DealMode.PROCESS_CONTROLLED && from != mode) {
			requireRouteMap(scenario);
		}
		change(deal, actor.id(), (switched, now) -> store.switchMode(switched, mode, now));
		if (from != mode) {
			events.publishEvent(new DealModeSwitched(id, scenario.id(), deal.stageId(), from, mode,
					scenario.routeMapKey(), actor.id(), clock.instant()));
		}
	}

	/**
	 * Refused unless the scenario has a route map for its process-controlled deals to
	 * follow.
	 */
	static void requireRouteMap(SalesScenario scenario) {
		if (scenario.routeMapKey() == null) {
			throw new RuleViolation("mode", "deal.mode.no-route-map", scenario.name());
		}
	}

	/**
	 * Moves a process-controlled deal to the stage that its process's action sets. For
	 * the module that runs route maps, inside the engine's transaction; refused for a
	 * deal under any other mode, so it moves no other deal. In the history like a move by
	 * hand.
	 * @param actorId who completed the step that led here, or null for the system
	 */
	@Transactional
	public void moveByProcess(long id, long stageId, @Nullable Long actorId) {
		byProcess(id, actorId, (deal, now) -> store.moveByProcess(deal, stageId, actorId, now));
	}

	/** Closes a process-controlled deal as won where its process ends so. */
	@Transactional
	public void winByProcess(long id, @Nullable Long actorId) {
		byProcess(id, actorId, (deal, now) -> store.win(deal, actorId, now));
	}

	/**
	 * Closes a process-controlled deal as lost, for the reason given in its process's
	 * last step (required).
	 */
	@Transactional
	public void loseByProcess(long id, @Nullable Long reasonId, @Nullable String note, @Nullable Long actorId) {
		byProcess(id, actorId, (deal, now) -> store.lose(deal, reasonId, note, actorId, now));
	}

	/**
	 * Makes the person of a process's action a co-executor of the process-controlled
	 * deal, so that they may open it (they could not see it).
	 */
	@Transactional
	public void addCoExecutorByProcess(long id, long userId, @Nullable Long actorId) {
		byProcess(id, actorId, (deal, now) -> store.addCoExecutor(deal, userId, now));
	}

	private void byProcess(long id, @Nullable Long actorId, Action action) {
		Deal deal = store.live(id);
		deal.requireProcessControlled();
		change(deal, actorId, action);
	}

	@Transactional
	public void tick(long id, long itemId, boolean ticked, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Deal deal = store.visible(id, store.visibility(actor.id()));
		deal.checkVersion(version);
		var item = store.stage(deal)
			.checklist()
			.stream()
			.filter(candidate -> candidate.id() == itemId)
			.findFirst()
			.orElseThrow(() -> new RuleViolation("itemId", "deal.checklist.item-invalid"));
		boolean was = deal.tickedItem(itemId);
		store.tick(deal, itemId, ticked, actor.id(), now);
		if (was != ticked) {
			events.publishEvent(new RecordChanged(DealService.RECORD_TYPE, id, RecordChanged.Action.UPDATED,
					List.of(new FieldChange("deal.field.checklist", false, ticked ? null : item.text(),
							ticked ? item.text() : null, false)),
					actor.id(), now));
		}
	}

	private interface Action {

		void apply(Deal deal, Instant now);

	}

	private void change(long id, long version, CurrentUser actor, Action action) {
		Deal deal = store.visible(id, store.visibility(actor.id()));
		deal.checkVersion(version);
		change(deal, actor.id(), action);
	}

	private void change(Deal deal, @Nullable Long actorId, Action action) {
		Instant now = clock.instant();
		long id = deal.id();
		var fields = store.fields();
		var before = store.snapshot(deal, fields);
		long fromStage = deal.stageId();
		DealState fromState = deal.state();
		action.apply(deal, now);
		var changes = store.changes(before, deal, fields);
		if (!changes.isEmpty()) {
			events.publishEvent(new RecordChanged(DealService.RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes,
					actorId, now));
		}
		if (fromStage != deal.stageId() || fromState != deal.state()) {
			events.publishEvent(
					new DealStageChanged(id, deal.scenarioId(), fromStage, deal.stageId(), deal.state(), actorId, now));
		}
	}

}
