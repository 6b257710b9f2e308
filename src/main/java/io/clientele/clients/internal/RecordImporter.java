package io.clientele.clients.internal;

import java.sql.SQLException;
import java.util.List;

import io.clientele.clients.ImportKind;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * How an import treats one kind of record: checks a row as the forms would, finds what it
 * duplicates (a batch at a time), writes new records with {@code COPY} and brings the
 * file's values into existing ones. All of it runs in the import's transaction.
 */
interface RecordImporter {

	ImportKind kind();

	/** The table whose rows carry {@code import_id} and {@code import_row}. */
	String table();

	/**
	 * Checks the row's values.
	 * @throws RuleViolation naming the field that is wrong
	 */
	Row prepare(long rowNumber, ImportValues values);

	/** Finds, for each row, an existing record it duplicates (sets {@link Row#match}). */
	void lookup(List<Row> rows);

	/** Writes the rows as new records, marked with the import. */
	void create(List<Row> rows) throws SQLException;

	/** Brings each row's values into the record it matched. */
	void update(List<Row> rows);

	/** Gives back the values of the records the import updated. */
	void restoreUpdated();

	/**
	 * A checked row.
	 */
	abstract class Row {

		final long number;

		/**
		 * What identifies the record, strongest first: {@code inn:…}, {@code phone:…},
		 * {@code email:…}, {@code name:…}.
		 */
		final List<String> keys;

		@Nullable Match match;

		/** Why the row cannot be taken, when only the batch's lookups could tell. */
		@Nullable RuleViolation refusal;

		/** Something the report should tell about a row that is taken. */
		@Nullable RuleViolation note;

		Row(long number, List<String> keys) {
			this.number = number;
			this.keys = keys;
		}

	}

	/**
	 * An existing record a row duplicates.
	 *
	 * @param rule which rule matched: {@code inn}, {@code phone}, {@code email} or
	 * {@code name}
	 * @param visible whether the importing user may see (and so update) it
	 * @param sameImport whether this import created it (from an earlier row)
	 */
	record Match(long id, String rule, String name, boolean visible, long ownerId, boolean sameImport) {
	}

}
