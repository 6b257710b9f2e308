package io.clientele.audit.spi;

import java.util.List;
import java.util.Set;

/**
 * Whose records of some kinds are, answered by the module that keeps them: the history
 * names the absent user a deputy acted for when the deputy changes one of that user's
 * records ({@link io.clientele.audit.HistoryEntry#actedForId()}).
 */
public interface ResponsibleUsers {

	/** The kinds of record it answers for, as {@code RecordChanged.recordType()}. */
	Set<String> recordTypes();

	/**
	 * The users whose record it is, as the changing transaction sees it (after the
	 * change), the responsible one first: a client's or a deal's responsible manager (and
	 * a deal's co-executors), a task's executor and then its author. Empty when there is
	 * no such record.
	 */
	List<Long> of(String recordType, long recordId);

}
