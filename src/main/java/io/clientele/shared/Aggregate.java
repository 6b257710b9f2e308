package io.clientele.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * Identity and optimistic-locking version of every editable aggregate. Ids are generated
 * by the database ({@code bigint generated always as identity}).
 */
@MappedSuperclass
public abstract class Aggregate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Version
	private long version;

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Not saved yet");
		}
		return id;
	}

	public long version() {
		return version;
	}

	/**
	 * Refuses the change when the caller edited an older version than the one stored: the
	 * form or API request carries the version it was based on.
	 */
	public void checkVersion(long expected) {
		if (expected != version) {
			throw new ConcurrentEdit(getClass().getSimpleName(), id(), expected, version);
		}
	}

}
