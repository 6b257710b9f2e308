package io.clientele.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionCompletion;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.shared.Aggregate;
import io.clientele.shared.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A call, e-mail, SMS, meeting, visit, note or messenger message with a client, planned
 * or done. Its state changes only through {@link #complete} and {@link #cancel};
 * {@code at} follows the state (the planned time, then the time it was done), so that one
 * column orders every timeline.
 */
@Entity
@Table(name = "interactions")
public class Interaction extends Aggregate {

	public static final int RESTORABLE_DAYS = 30;

	@Enumerated(EnumType.STRING)
	private InteractionKind kind = InteractionKind.NOTE;

	@Enumerated(EnumType.STRING)
	private InteractionState state = InteractionState.PLANNED;

	private Instant at = Instant.EPOCH;

	private @Nullable Instant plannedAt;

	private @Nullable Instant doneAt;

	private long clientId;

	private @Nullable Long contactId;

	private @Nullable Long dealId;

	private String subject = "";

	private @Nullable String result;

	private @Nullable Integer minutesSpent;

	private long responsibleId;

	@Enumerated(EnumType.STRING)
	private @Nullable CallDirection direction;

	private @Nullable Integer durationSeconds;

	@Enumerated(EnumType.STRING)
	private @Nullable CallResult callResult;

	private @Nullable String recordingUrl;

	private @Nullable String place;

	private @Nullable String channel;

	private @Nullable Integer plannedMinutes;

	private @Nullable Long followsId;

	private Instant createdAt = Instant.EPOCH;

	private @Nullable Long createdBy;

	private Instant updatedAt = Instant.EPOCH;

	private @Nullable Long updatedBy;

	private @Nullable Instant deletedAt;

	private @Nullable Long deletedBy;

	/** The room a planned meeting held when it was deleted, asked back on restoring. */
	private @Nullable Long roomBeforeDeletion;

	@ElementCollection
	@CollectionTable(name = "interaction_participants", joinColumns = @JoinColumn(name = "interaction_id"))
	private Set<Participant> participants = new LinkedHashSet<>();

	protected Interaction() {
	}

	/** A new interaction, planned or already done. */
	static Interaction log(InteractionData data, boolean done, @Nullable Long followsId, long actorId, Instant now) {
		Interaction interaction = new Interaction();
		interaction.apply(data);
		interaction.followsId = followsId;
		if (done) {
			if (data.at().isAfter(now.plusSeconds(60))) {
				throw new RuleViolation("at", "interaction.done-in-future");
			}
			interaction.state = InteractionState.DONE;
			interaction.doneAt = data.at();
		}
		else {
			interaction.state = InteractionState.PLANNED;
			interaction.plannedAt = data.at();
		}
		interaction.at = data.at();
		interaction.createdAt = now;
		interaction.createdBy = actorId;
		interaction.updatedAt = now;
		interaction.updatedBy = actorId;
		return interaction;
	}

	/** Sets the data; the time moves the planned time or the time it was done. */
	void update(InteractionData data, long actorId, Instant now) {
		apply(data);
		if (state == InteractionState.DONE) {
			doneAt = data.at();
		}
		else {
			plannedAt = data.at();
		}
		at = data.at();
		touch(actorId, now);
	}

	/** Marks a planned interaction done, with what came of it. */
	void complete(InteractionCompletion completion, long actorId, Instant now) {
		if (state != InteractionState.PLANNED) {
			throw new RuleViolation(null, "interaction.complete.not-planned");
		}
		Instant when = completion.doneAt() == null ? now : completion.doneAt();
		if (when.isAfter(now.plusSeconds(60))) {
			throw new RuleViolation("doneAt", "interaction.done-in-future");
		}
		state = InteractionState.DONE;
		doneAt = when;
		at = when;
		result = InteractionRules.text("result", completion.result(), InteractionRules.TEXT_MAX);
		minutesSpent = InteractionRules.minutes(completion.minutesSpent());
		if (kind == InteractionKind.CALL) {
			callResult = completion.callResult();
			durationSeconds = InteractionRules.duration(completion.durationSeconds());
		}
		touch(actorId, now);
	}

	/** A planned interaction that will not happen. */
	void cancel(long actorId, Instant now) {
		if (state != InteractionState.PLANNED) {
			throw new RuleViolation(null, "interaction.cancel.not-planned");
		}
		state = InteractionState.CANCELLED;
		touch(actorId, now);
	}

	/**
	 * @param heldRoomId the room it held until now (freed by the deletion), or null
	 */
	void moveToRecycleBin(@Nullable Long heldRoomId, long actorId, Instant now) {
		deletedAt = now;
		deletedBy = actorId;
		roomBeforeDeletion = heldRoomId;
		touch(actorId, now);
	}

	/**
	 * @return the room it held when it was deleted, to be asked back, or null
	 */
	@Nullable Long restore(long actorId, Instant now) {
		Long room = roomBeforeDeletion;
		deletedAt = null;
		deletedBy = null;
		roomBeforeDeletion = null;
		touch(actorId, now);
		return room;
	}

	private void touch(long actorId, Instant now) {
		updatedAt = now;
		updatedBy = actorId;
	}

	private void apply(InteractionData data) {
		kind = data.kind();
		clientId = data.clientId();
		contactId = data.contactId();
		dealId = data.dealId();
		subject = data.subject();
		result = data.result();
		minutesSpent = data.minutesSpent();
		responsibleId = data.responsibleId();
		boolean call = kind == InteractionKind.CALL;
		direction = call ? data.direction() : null;
		durationSeconds = call ? data.durationSeconds() : null;
		callResult = call ? data.callResult() : null;
		recordingUrl = call ? data.recordingUrl() : null;
		place = kind.hasPlace() ? data.place() : null;
		channel = kind == InteractionKind.MESSENGER ? data.channel() : null;
		plannedMinutes = kind.hasPlace() ? data.plannedMinutes() : null;
		Set<Participant> wanted = new LinkedHashSet<>();
		data.participantUserIds().forEach(id -> wanted.add(Participant.user(id)));
		data.participantContactIds().forEach(id -> wanted.add(Participant.contact(id)));
		participants.retainAll(wanted);
		participants.addAll(wanted);
	}

	public InteractionKind kind() {
		return kind;
	}

	public InteractionState state() {
		return state;
	}

	public Instant at() {
		return at;
	}

	public @Nullable Instant plannedAt() {
		return plannedAt;
	}

	public @Nullable Instant doneAt() {
		return doneAt;
	}

	public long clientId() {
		return clientId;
	}

	public @Nullable Long contactId() {
		return contactId;
	}

	public @Nullable Long dealId() {
		return dealId;
	}

	public String subject() {
		return subject;
	}

	public @Nullable String result() {
		return result;
	}

	public @Nullable Integer minutesSpent() {
		return minutesSpent;
	}

	public long responsibleId() {
		return responsibleId;
	}

	public @Nullable CallDirection direction() {
		return direction;
	}

	public @Nullable Integer durationSeconds() {
		return durationSeconds;
	}

	public @Nullable CallResult callResult() {
		return callResult;
	}

	public @Nullable String recordingUrl() {
		return recordingUrl;
	}

	public @Nullable String place() {
		return place;
	}

	public @Nullable String channel() {
		return channel;
	}

	public @Nullable Integer plannedMinutes() {
		return plannedMinutes;
	}

	/** When a planned one ends: its planned time and length (or its kind's usual one). */
	public Instant plannedEnd() {
		Instant start = plannedAt == null ? at : plannedAt;
		return start.plus(plannedMinutes == null ? kind.usualLength() : Duration.ofMinutes(plannedMinutes));
	}

	public @Nullable Long followsId() {
		return followsId;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public @Nullable Long createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public @Nullable Instant deletedAt() {
		return deletedAt;
	}

	public boolean deleted() {
		return deletedAt != null;
	}

	public List<Long> participantUserIds() {
		List<Long> ids = new ArrayList<>();
		participants.stream().map(Participant::userId).filter(java.util.Objects::nonNull).forEach(ids::add);
		return ids;
	}

	public List<Long> participantContactIds() {
		List<Long> ids = new ArrayList<>();
		participants.stream().map(Participant::contactId).filter(java.util.Objects::nonNull).forEach(ids::add);
		return ids;
	}

}
