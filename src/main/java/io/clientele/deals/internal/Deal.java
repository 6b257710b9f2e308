package io.clientele.deals.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.deals.DealLine;
import io.clientele.deals.DealMode;
import io.clientele.deals.DealState;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.shared.Aggregate;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A deal: a client's interest carried through the stages of a sales scenario to won or
 * lost. Its stage, state and mode change only through the methods below, which check the
 * move and keep every stay in a stage ({@link StageVisit}).
 */
@Entity
@Table(name = "deals")
public class Deal extends Aggregate {

	public static final int RESTORABLE_DAYS = 30;

	private long clientId;

	private @Nullable Long contactId;

	private String subject = "";

	private @Nullable String description;

	private @Nullable String kind;

	private long scenarioId;

	private long stageId;

	@Enumerated(EnumType.STRING)
	private DealMode mode = DealMode.MANUAL_STAGES;

	@Enumerated(EnumType.STRING)
	private DealState state = DealState.IN_WORK;

	private @Nullable Long lossReasonId;

	private @Nullable String lossNote;

	private BigDecimal amount = BigDecimal.ZERO;

	private String currency = "RUB";

	private int probability;

	private @Nullable LocalDate expectedClose;

	private @Nullable String channel;

	private long responsibleId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private Long[] coExecutorIds = new Long[0];

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] tags = new String[0];

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> custom = new LinkedHashMap<>();

	private @Nullable Long leadId;

	private Instant stageEnteredAt = Instant.EPOCH;

	private @Nullable Instant closedAt;

	private Instant createdAt = Instant.EPOCH;

	private @Nullable Long createdBy;

	private Instant updatedAt = Instant.EPOCH;

	private @Nullable Instant deletedAt;

	private @Nullable Long deletedBy;

	@ElementCollection
	@CollectionTable(name = "deal_lines", joinColumns = @JoinColumn(name = "deal_id"))
	@OrderColumn(name = "position")
	private List<LineItem> lines = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "deal_checks", joinColumns = @JoinColumn(name = "deal_id"))
	private List<CheckMark> checks = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@JoinColumn(name = "deal_id", nullable = false)
	@OrderBy("enteredAt, id")
	private List<StageVisit> visits = new ArrayList<>();

	protected Deal() {
	}

	static Deal open(DealData data, Stage stage, DealMode mode, @Nullable Long leadId, @Nullable Long actorId,
			Instant now) {
		Deal deal = new Deal();
		deal.apply(data);
		deal.scenarioId = stage.scenarioId();
		deal.stageId = stage.id();
		deal.mode = mode;
		deal.leadId = leadId;
		deal.stageEnteredAt = now;
		deal.createdAt = now;
		deal.updatedAt = now;
		deal.createdBy = actorId;
		deal.visits.add(new StageVisit(stage.scenarioId(), stage.id(), actorId, now));
		return deal;
	}

	void update(DealData data, Instant now) {
		apply(data);
		updatedAt = now;
	}

	private void apply(DealData data) {
		clientId = data.clientId();
		contactId = data.contactId();
		subject = data.subject();
		description = data.description();
		kind = data.kind();
		amount = data.amount();
		currency = data.currency();
		probability = data.probability();
		expectedClose = data.expectedClose();
		channel = data.channel();
		responsibleId = data.responsibleId();
		coExecutorIds = data.coExecutorIds().toArray(Long[]::new);
		tags = data.tags().toArray(String[]::new);
		lines.clear();
		data.lines().forEach(line -> lines.add(new LineItem(line)));
		custom = new LinkedHashMap<>(data.custom());
	}

	/**
	 * Moves the deal to another stage of its scenario by hand: forwards, skipping stages,
	 * or back. Only a deal in work with manual stages moves so; leaving a stage forwards
	 * needs its required checklist items ticked.
	 * @param current the stage the deal stands in now
	 */
	void moveTo(Stage target, Stage current, @Nullable Long actorId, Instant now) {
		requireInWork();
		if (target.scenarioId() != scenarioId || !target.active()) {
			throw new RuleViolation("stageId", "deal.move.stage-invalid");
		}
		switch (mode) {
			case PROCESS_CONTROLLED -> throw new RuleViolation("stageId", "deal.move.process-controlled");
			case WITHOUT_PROCESS -> throw new RuleViolation("stageId", "deal.move.without-process");
			case MANUAL_STAGES -> {
			}
		}
		if (target.id() == stageId) {
			return;
		}
		if (target.position() > current.position()) {
			StageExitChecklistPolicy.check(current, tickedItems());
		}
		enter(target, actorId, now);
	}

	/**
	 * Moves a process-controlled deal to the stage its process's action sets: any active
	 * stage of its scenario, forwards or back. The stage's checklist does not hold it:
	 * the process's actions carry their own.
	 */
	void moveByProcess(Stage target, @Nullable Long actorId, Instant now) {
		requireInWork();
		requireProcessControlled();
		if (target.scenarioId() != scenarioId || !target.active()) {
			throw new RuleViolation("stageId", "deal.move.stage-invalid");
		}
		if (target.id() != stageId) {
			enter(target, actorId, now);
		}
	}

	/**
	 * Makes the user a co-executor (the person of a process's action sees the deal so).
	 */
	void addCoExecutor(long userId, Instant now) {
		requireProcessControlled();
		if (userId != responsibleId && !coExecutorIds().contains(userId)) {
			Long[] more = Arrays.copyOf(coExecutorIds, coExecutorIds.length + 1);
			more[coExecutorIds.length] = userId;
			coExecutorIds = more;
			updatedAt = now;
		}
	}

	public void requireProcessControlled() {
		if (mode != DealMode.PROCESS_CONTROLLED) {
			throw new RuleViolation(null, "deal.process.not-controlled");
		}
	}

	private void enter(Stage target, @Nullable Long actorId, Instant now) {
		currentVisit().ifPresent(visit -> visit.leave(StageVisit.Outcome.MOVED, target.id(), actorId, now));
		visits.add(new StageVisit(scenarioId, target.id(), actorId, now));
		stageId = target.id();
		stageEnteredAt = now;
		probability = target.probability();
		updatedAt = now;
	}

	/** Closes the deal as won; with manual stages the current stage's checklist first. */
	void win(Stage current, @Nullable Long actorId, Instant now) {
		requireInWork();
		if (mode == DealMode.MANUAL_STAGES) {
			StageExitChecklistPolicy.check(current, tickedItems());
		}
		close(DealState.WON, StageVisit.Outcome.WON, actorId, now);
		probability = 100;
	}

	void lose(long reasonId, @Nullable String note, @Nullable Long actorId, Instant now) {
		requireInWork();
		lossReasonId = reasonId;
		lossNote = note == null || note.isBlank() ? null : note.strip();
		close(DealState.LOST, StageVisit.Outcome.LOST, actorId, now);
		probability = 0;
	}

	/** Back in work at the stage it was closed in: a new stay begins. */
	void reopen(Stage current, @Nullable Long actorId, Instant now) {
		if (state.open()) {
			throw new RuleViolation(null, "deal.reopen.not-closed");
		}
		state = DealState.IN_WORK;
		lossReasonId = null;
		lossNote = null;
		closedAt = null;
		visits.add(new StageVisit(scenarioId, current.id(), actorId, now));
		stageEnteredAt = now;
		probability = current.probability();
		updatedAt = now;
	}

	void switchMode(DealMode to, Instant now) {
		mode = to;
		updatedAt = now;
	}

	/** Ticks or unticks an item of the current stage's checklist. */
	void tick(Stage current, long itemId, boolean ticked, @Nullable Long actorId, Instant now) {
		requireInWork();
		if (current.checklist().stream().noneMatch(item -> item.id() == itemId)) {
			throw new RuleViolation("itemId", "deal.checklist.item-invalid");
		}
		checks.removeIf(mark -> mark.itemId() == itemId);
		if (ticked) {
			checks.add(new CheckMark(itemId, actorId, now));
		}
		updatedAt = now;
	}

	void moveToRecycleBin(long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
	}

	void restore(Instant now) {
		deletedAt = null;
		deletedBy = null;
		updatedAt = now;
	}

	private void close(DealState to, StageVisit.Outcome outcome, @Nullable Long actorId, Instant now) {
		currentVisit().ifPresent(visit -> visit.leave(outcome, null, actorId, now));
		state = to;
		closedAt = now;
		updatedAt = now;
	}

	private void requireInWork() {
		if (!state.open()) {
			throw new RuleViolation(null, "deal.closed");
		}
	}

	private Optional<StageVisit> currentVisit() {
		return visits.stream().filter(StageVisit::current).findFirst();
	}

	public boolean tickedItem(long itemId) {
		return checks.stream().anyMatch(mark -> mark.itemId() == itemId);
	}

	Set<Long> tickedItems() {
		return checks.stream().map(CheckMark::itemId).collect(Collectors.toSet());
	}

	List<CheckMark> checks() {
		return List.copyOf(checks);
	}

	List<StageVisit> visits() {
		return List.copyOf(visits);
	}

	public long clientId() {
		return clientId;
	}

	public @Nullable Long contactId() {
		return contactId;
	}

	public String subject() {
		return subject;
	}

	public @Nullable String description() {
		return description;
	}

	public @Nullable String kind() {
		return kind;
	}

	public long scenarioId() {
		return scenarioId;
	}

	public long stageId() {
		return stageId;
	}

	public DealMode mode() {
		return mode;
	}

	public DealState state() {
		return state;
	}

	public @Nullable Long lossReasonId() {
		return lossReasonId;
	}

	public @Nullable String lossNote() {
		return lossNote;
	}

	public BigDecimal amount() {
		return amount;
	}

	public String currency() {
		return currency;
	}

	public int probability() {
		return probability;
	}

	public @Nullable LocalDate expectedClose() {
		return expectedClose;
	}

	public @Nullable String channel() {
		return channel;
	}

	public long responsibleId() {
		return responsibleId;
	}

	public List<Long> coExecutorIds() {
		return Arrays.asList(coExecutorIds);
	}

	public List<String> tags() {
		return Arrays.asList(tags);
	}

	public Map<String, Object> custom() {
		return custom;
	}

	public List<DealLine> lines() {
		return lines.stream().map(LineItem::line).toList();
	}

	public @Nullable Long leadId() {
		return leadId;
	}

	public Instant stageEnteredAt() {
		return stageEnteredAt;
	}

	public @Nullable Instant closedAt() {
		return closedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	public @Nullable Instant deletedAt() {
		return deletedAt;
	}

}
