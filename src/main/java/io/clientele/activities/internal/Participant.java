package io.clientele.activities.internal;

import java.util.Objects;

import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A colleague or a contact person taking part in an interaction (one of the two). */
@Embeddable
public class Participant {

	private @Nullable Long userId;

	private @Nullable Long contactId;

	protected Participant() {
	}

	private Participant(@Nullable Long userId, @Nullable Long contactId) {
		this.userId = userId;
		this.contactId = contactId;
	}

	static Participant user(long id) {
		return new Participant(id, null);
	}

	static Participant contact(long id) {
		return new Participant(null, id);
	}

	public @Nullable Long userId() {
		return userId;
	}

	public @Nullable Long contactId() {
		return contactId;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Participant that && Objects.equals(userId, that.userId)
				&& Objects.equals(contactId, that.contactId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(userId, contactId);
	}

}
