package io.clientele.clients;

import java.util.Map;

/**
 * Merge one record into another of the same kind.
 *
 * @param type {@link ClientService#RECORD_TYPE} or {@link ContactService#RECORD_TYPE}
 * @param survivorVersion the version of the survivor the user compared (a change since
 * refuses the merge)
 * @param mergedVersion the same for the record that goes
 * @param picks by field key of the {@link MergeComparison}: whose value the survivor
 * keeps; a field not named keeps the comparison's suggestion
 */
public record MergeRequest(String type, long survivorId, long survivorVersion, long mergedId, long mergedVersion,
		Map<String, MergePick> picks) {

	public MergeRequest {
		picks = Map.copyOf(picks);
	}

}
