package io.clientele.deals.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One stay of a deal in a stage, from entering to leaving it, and how it ended: moved on,
 * won or lost. Part of the deal aggregate; the funnel reads the table.
 */
@Entity
@Table(name = "deal_stage_visits")
class StageVisit {

	enum Outcome {

		MOVED, WON, LOST

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "deal_id", insertable = false, updatable = false)
	private @Nullable Long dealId;

	private long scenarioId;

	private long stageId;

	private Instant enteredAt = Instant.EPOCH;

	private @Nullable Long enteredBy;

	private @Nullable Instant leftAt;

	private @Nullable Long leftBy;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private @Nullable Outcome outcome;

	private @Nullable Long nextStageId;

	protected StageVisit() {
	}

	StageVisit(long scenarioId, long stageId, @Nullable Long by, Instant at) {
		this.scenarioId = scenarioId;
		this.stageId = stageId;
		this.enteredBy = by;
		this.enteredAt = at;
	}

	void leave(Outcome how, @Nullable Long nextStage, @Nullable Long by, Instant at) {
		this.outcome = how;
		this.nextStageId = nextStage;
		this.leftBy = by;
		this.leftAt = at;
	}

	boolean current() {
		return leftAt == null;
	}

	long stageId() {
		return stageId;
	}

	Instant enteredAt() {
		return enteredAt;
	}

	@Nullable Instant leftAt() {
		return leftAt;
	}

	@Nullable Outcome outcome() {
		return outcome;
	}

}
