package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * Where an import stands. It runs in one transaction, so {@link #FAILED} and
 * {@link #CANCELLED} imports wrote nothing.
 */
public enum ImportState implements Labelled {

	/** Uploaded; columns are being mapped. */
	DRAFT,
	/** Waiting for this node's import worker. */
	QUEUED, RUNNING, DONE,
	/** Stopped by an error or by the server stopping; nothing was written. */
	FAILED,
	/** Stopped by the user; nothing was written. */
	CANCELLED, REVERTING,
	/** Undone: what it created was deleted, what it updated got its values back. */
	REVERTED;

	public boolean finished() {
		return this == DONE || this == FAILED || this == CANCELLED || this == REVERTED;
	}

	public boolean working() {
		return this == QUEUED || this == RUNNING || this == REVERTING;
	}

	@Override
	public String messageKey() {
		return "import.state." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
