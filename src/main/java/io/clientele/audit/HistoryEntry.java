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
 */
public record HistoryEntry(long id, long recordId, RecordChanged.Action action, Instant at, @Nullable Long actorId,
		@Nullable String actorName, List<RecordChanged.FieldChange> changes) {

	public String actionKey() {
		return "history.action." + action.name();
	}

}
