package io.clientele.shared;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to a business record; the audit module turns it into the record's
 * history. Values are what a reader should see (names, formatted numbers), captured when
 * the change happened, so the history stays readable when the things they name change
 * later.
 *
 * @param recordType the kind of record, e.g. {@code client}
 * @param recordId its id
 * @param action what happened to it
 * @param changes field by field, for {@link Action#UPDATED} (and the initial values for
 * {@link Action#CREATED})
 * @param actorId the user who did it, or null for the system
 * @param at when
 */
public record RecordChanged(String recordType, long recordId, Action action, List<FieldChange> changes,
		@Nullable Long actorId, Instant at) {

	public RecordChanged {
		changes = List.copyOf(changes);
	}

	public enum Action {

		CREATED, UPDATED, DELETED, RESTORED, REASSIGNED, LINKED, UNLINKED,

		/** Merged with a duplicate: on the survivor and on the record merged into it. */
		MERGED,

		/** A merge undone: on both records again. */
		UNMERGED,

		/** A file attached to the record. */
		ATTACHED,

		/** A file of the record removed. */
		DETACHED

	}

	/**
	 * How a value kept in a neutral form is shown in the reader's language.
	 */
	public enum ValueFormat {

		/** An amount and its currency, {@code 1282500.00 RUB}. */
		MONEY,
		/** A calendar date, {@code 2026-12-31}. */
		DATE,
		/** A plain decimal number, {@code 1234.5}. */
		NUMBER,
		/** A moment, {@code 2026-11-25T09:30:00Z}, shown in the reader's time zone. */
		DATE_TIME

	}

	/**
	 * @param field message key of the field's label, or a literal label (custom fields)
	 * @param literalLabel whether {@code field} is a label to show as it is
	 * @param valuesAreKeys whether {@code before} and {@code after} are message keys
	 * (choices from a fixed list, shown in the reader's language) rather than text
	 * @param format how {@code before} and {@code after} are shown, when they are kept in
	 * a neutral form (money, dates, numbers); null for text
	 */
	public record FieldChange(String field, boolean literalLabel, @Nullable String before, @Nullable String after,
			boolean valuesAreKeys, @Nullable ValueFormat format) {

		public FieldChange(String field, boolean literalLabel, @Nullable String before, @Nullable String after,
				boolean valuesAreKeys) {
			this(field, literalLabel, before, after, valuesAreKeys, null);
		}

		public static FieldChange of(String fieldKey, @Nullable String before, @Nullable String after) {
			return new FieldChange(fieldKey, false, before, after, false);
		}

		public static FieldChange ofKeys(String fieldKey, @Nullable String beforeKey, @Nullable String afterKey) {
			return new FieldChange(fieldKey, false, beforeKey, afterKey, true);
		}

	}

}
