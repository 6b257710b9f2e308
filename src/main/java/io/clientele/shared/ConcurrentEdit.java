package io.clientele.shared;

/**
 * Someone saved the record after the caller loaded it; the caller's change is refused,
 * never written over theirs.
 */
public class ConcurrentEdit extends RuntimeException {

	private final long currentVersion;

	public ConcurrentEdit(String type, long id, long expectedVersion, long currentVersion) {
		super("%s %d was changed by someone else (version %d, the edit was based on %d)".formatted(type, id,
				currentVersion, expectedVersion));
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return currentVersion;
	}

}
