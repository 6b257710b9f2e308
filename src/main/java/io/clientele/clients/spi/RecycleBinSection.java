package io.clientele.clients.spi;

import java.time.Instant;
import java.util.List;

import io.clientele.clients.RecycleBin;
import io.clientele.identity.CurrentUser;

/**
 * Deleted records of another module (deals) in the one recycle bin: the module lists what
 * the reader may restore and restores it.
 */
public interface RecycleBinSection {

	/** The record type this section holds, as in {@link RecycleBin.Item#type()}. */
	String type();

	/** Records deleted since then that the reader may restore, newest first. */
	List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader);

	/**
	 * Restores the record (404 outside the reader's access).
	 * @return the page of the restored record
	 */
	String restore(long id, CurrentUser reader);

}
