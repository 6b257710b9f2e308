package io.clientele.clients;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A row an import refused or skipped, or a note on a row it took.
 *
 * @param field the column (title) the reason is about, if one
 * @param reason message key of the reason, with its arguments
 * @param recordType the record the row matched (skipped duplicates), if any
 * @param cells the row as read
 */
public record ImportIssue(long rowNumber, Outcome outcome, @Nullable String field, String reason,
		List<String> reasonArgs, @Nullable String recordType, @Nullable Long recordId, List<String> cells) {

	public enum Outcome {

		REFUSED, SKIPPED, NOTED;

		public String messageKey() {
			return "import.outcome." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
