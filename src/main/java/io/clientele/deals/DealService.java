package io.clientele.deals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.clientele.deals.internal.Deal;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, editing, deleting and restoring deals, for a signed-in user and within what
 * they may see. Every change publishes {@link RecordChanged}, which becomes the history.
 * Moving through stages is {@link DealProgress}.
 */
@Service
public class DealService {

	public static final String RECORD_TYPE = "deal";

	private final DealStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DealService(DealStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public long create(DealDraft draft, CurrentUser actor) {
		return create(draft, null, actor);
	}

	/**
	 * Under process control the deal's scenario must have a route map, which starts (in
	 * this transaction) on {@link DealModeSwitched}.
	 * @param leadId the lead the deal came from, or null
	 */
	@Transactional
	public long create(DealDraft draft, @Nullable Long leadId, CurrentUser actor) {
		Instant now = clock.instant();
		var stage = store.startStage(draft.scenarioId(), draft.stageId());
		DealMode mode = draft.mode() == null ? DealMode.MANUAL_STAGES : draft.mode();
		SalesScenario scenario = store.scenario(stage.scenarioId());
		if (mode == DealMode.PROCESS_CONTROLLED) {
			DealProgress.requireRouteMap(scenario);
		}
		var fields = store.fields();
		var data = store.check(draft, null, stage.probability(), actor, fields);
		Deal deal = store.create(data, stage, mode, leadId, actor.id(), now);
		events.publishEvent(new RecordChanged(RECORD_TYPE, deal.id(), RecordChanged.Action.CREATED,
				store.initialChanges(deal, fields), actor.id(), now));
		if (mode == DealMode.PROCESS_CONTROLLED) {
			events.publishEvent(new DealModeSwitched(deal.id(), scenario.id(), stage.id(), null, mode,
					scenario.routeMapKey(), actor.id(), now));
		}
		return deal.id();
	}

	/**
	 * Replaces the deal's data with the draft, refused when the deal changed since the
	 * version the user edited. Scenario, stage, state and mode stay: they change through
	 * {@link DealProgress}.
	 */
	@Transactional
	public void update(long id, DealDraft draft, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Deal deal = store.visible(id, store.visibility(actor.id()));
		deal.checkVersion(version);
		var fields = store.fields();
		var before = store.snapshot(deal, fields);
		var data = store.check(draft, deal, deal.probability(), actor, fields);
		store.update(deal, data, now);
		var changes = store.changes(before, deal, fields);
		if (!changes.isEmpty()) {
			events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
	}

	/**
	 * Sets the deal's probability (an accepted estimate) through the ordinary edit: the
	 * same checks, refused when the deal changed since {@code version}, in the history.
	 */
	@Transactional
	public void setProbability(long id, int probability, long version, CurrentUser actor) {
		update(id, DealDraft.of(card(id, actor), probability), version, actor);
	}

	/** Moves the deal to the recycle bin. */
	@Transactional
	public void delete(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Deal deal = store.visible(id, store.visibility(actor.id()));
		deal.checkVersion(version);
		store.delete(deal, actor.id(), now);
		events
			.publishEvent(new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.DELETED, List.of(), actor.id(), now));
	}

	/** Takes the deal back from the recycle bin (within 30 days). */
	@Transactional
	public void restore(long id, CurrentUser actor) {
		Instant now = clock.instant();
		Deal deal = store.visibleInRecycleBin(id, store.visibility(actor.id()));
		store.restore(deal, now);
		events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, RecordChanged.Action.RESTORED, List.of(), actor.id(), now));
	}

	@Transactional(readOnly = true)
	public DealCard card(long id, CurrentUser reader) {
		return store.card(store.visible(id, store.visibility(reader.id())));
	}

	/** Whether the user may see the deal. */
	@Transactional(readOnly = true)
	public boolean visible(long id, CurrentUser reader) {
		try {
			store.visible(id, store.visibility(reader.id()));
			return true;
		}
		catch (RecordNotFound ex) {
			return false;
		}
	}

}
