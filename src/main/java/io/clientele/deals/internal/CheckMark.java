package io.clientele.deals.internal;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A stage's checklist item ticked on a deal: by whom and when. */
@Embeddable
class CheckMark {

	private long itemId;

	private @Nullable Long tickedBy;

	private Instant tickedAt = Instant.EPOCH;

	protected CheckMark() {
	}

	CheckMark(long itemId, @Nullable Long tickedBy, Instant tickedAt) {
		this.itemId = itemId;
		this.tickedBy = tickedBy;
		this.tickedAt = tickedAt;
	}

	long itemId() {
		return itemId;
	}

	@Nullable Long tickedBy() {
		return tickedBy;
	}

	Instant tickedAt() {
		return tickedAt;
	}

}
