package io.clientele.clients.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.clientele.clients.internal.ImportWorker.Batch;

/**
 * The rows of an import read and checked on a thread of their own, a batch ahead of the
 * import's transaction: parsing the file, the phone numbers and the field rules of the
 * next batch take a core while the database writes the current one. At most two batches
 * wait, so memory stays bounded whatever the file's length. Checking a row needs nothing
 * from the database (the importer's context holds what it needs), so the thread takes no
 * connection and no transaction.
 */
final class PreparedBatches implements AutoCloseable {

	/** How many checked batches may wait for the writer. */
	private static final int AHEAD = 2;

	/** A batch, or how the reading ended. */
	private sealed interface Item permits Ready, End, Failure {

	}

	private record Ready(Batch batch) implements Item {
	}

	private record End(long rowsRead) implements Item {
	}

	private record Failure(RuntimeException error) implements Item {
	}

	private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(AHEAD);

	private final Thread thread;

	private volatile boolean closed;

	private long rowsRead;

	/**
	 * Starts reading the source (whose header has been read) into batches of the given
	 * size.
	 */
	PreparedBatches(String name, ImportSource source, RecordImporter importer, Map<Integer, String> mapping,
			int batchSize) {
		this.thread = new Thread(() -> read(source, importer, mapping, batchSize), name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void read(ImportSource source, RecordImporter importer, Map<Integer, String> mapping, int batchSize) {
		long read = 0;
		try {
			Batch batch = new Batch();
			for (List<String> cells = source.next(); cells != null && !closed; cells = source.next()) {
				read++;
				batch.add(source.rowNumber(), cells, source.unmapped(), importer, mapping);
				if (batch.rows.size() + batch.refused.size() >= batchSize) {
					batch.rowsRead = read;
					batch.progress = source.progress();
					queue.put(new Ready(batch));
					batch = new Batch();
				}
			}
			batch.rowsRead = read;
			batch.progress = 1;
			queue.put(new Ready(batch));
			queue.put(new End(read));
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			offer(new Failure(ex));
		}
		catch (Error ex) {
			offer(new Failure(new IllegalStateException("Reading the import failed", ex)));
		}
	}

	private void offer(Item item) {
		// the writer may be gone already; then nobody waits for the failure
		queue.clear();
		queue.offer(item);
	}

	/**
	 * The next checked batch, or {@code null} after the last one.
	 * @throws InterruptedException when the writer's thread is interrupted while it waits
	 * @throws RuntimeException what reading the file failed with
	 */
	Batch next() throws InterruptedException {
		if (closed) {
			return null;
		}
		Item item = queue.take();
		if (item instanceof Ready ready) {
			return ready.batch();
		}
		closed = true;
		if (item instanceof Failure failure) {
			throw failure.error();
		}
		rowsRead = ((End) item).rowsRead();
		return null;
	}

	/** The rows read in all, once {@link #next} has returned {@code null}. */
	long rowsRead() {
		return rowsRead;
	}

	/** Stops the reading thread (if it is still reading) and waits for it to end. */
	@Override
	public void close() {
		closed = true;
		thread.interrupt();
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
