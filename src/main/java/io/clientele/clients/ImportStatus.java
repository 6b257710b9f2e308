package io.clientele.clients;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An import as its pages show it.
 *
 * @param header the file's column titles
 * @param mapping column number → field key ({@link ImportField#key()} or
 * {@code custom:<key>}); unmapped columns are absent
 * @param progress how much of the file has been read, 0–1
 * @param error what stopped a failed import, as a message key
 * @param revertible whether it may still be reverted (done, and within 30 days)
 */
public record ImportStatus(long id, ImportKind kind, String fileName, long fileSize, String format,
		@Nullable String encoding, @Nullable String delimiter, List<String> header, Map<Integer, String> mapping,
		DuplicatePolicy duplicates, @Nullable Long defaultClientId, ImportState state, double progress, long rowsRead,
		long created, long updated, long skipped, long refused, @Nullable String error, List<String> errorArgs,
		boolean cancelRequested, long authorId, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt, @Nullable Instant revertedAt, boolean revertible, long version) {

	public ImportStatus {
		header = List.copyOf(header);
		errorArgs = List.copyOf(errorArgs);
		mapping = Map.copyOf(mapping);
	}

	/** How much of the file has been read, in whole percent. */
	public long percent() {
		return Math.round(progress * 100);
	}

	/** Seconds it ran (or has been running). */
	public long seconds(Instant now) {
		if (startedAt == null) {
			return 0;
		}
		return java.time.Duration.between(startedAt, finishedAt == null ? now : finishedAt).toSeconds();
	}

}
