package io.clientele.audit;

import java.time.Instant;
import java.util.List;

import io.clientele.shared.RecordChanged;
import org.jspecify.annotations.Nullable;

/**
 * One line of a record's history.
 *
 * @param recordId the record it is about (a record's history may show those merged into
 * it)
 * @param actorName who did it, or null when the system did
 * @param actedForId the absent user the actor stood in for when they did it, or null (see
 * {@code audit.internal.ActedFor} for when an entry names one)
 * @param actedForName that user's name
 */
public record HistoryEntry(long id, long recordId, RecordChanged.Action action, Instant at, @Nullable Long actorId,
		@Nullable String actorName, @Nullable Long actedForId, @Nullable String actedForName,
		List<RecordChanged.FieldChange> changes) {

	public String actionKey() {
		return "history.action." + action.name();
	}

}
