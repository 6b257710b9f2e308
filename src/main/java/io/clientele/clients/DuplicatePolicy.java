package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * What an import does with a row that matches a record already in the base (or an earlier
 * row of the same file).
 */
public enum DuplicatePolicy implements Labelled {

	/** Leave the existing record alone; the row is reported as skipped. */
	SKIP,

	/**
	 * Bring the file's values into the existing record: mapped fields are replaced (name
	 * and tax id stay), phones, e-mails and addresses are added.
	 */
	UPDATE,

	/** Create the record all the same. */
	CREATE;

	@Override
	public String messageKey() {
		return "import.duplicates." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
