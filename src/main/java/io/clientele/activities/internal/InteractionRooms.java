package io.clientele.activities.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.clientele.activities.InteractionState;
import io.clientele.activities.MeetingRooms;
import io.clientele.activities.RoomHolds;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The meeting room a planned meeting or visit holds: a booking ({@link RoomHolds}) whose
 * subject is the interaction, for its planned time. It is booked with the meeting, moves
 * when the meeting moves (or the move is refused when the room is taken then), and is
 * freed when the meeting is cancelled or deleted, or what is left of it when the meeting
 * is done early.
 */
@Component
class InteractionRooms {

	static final String SUBJECT = "interaction";

	private final RoomHolds rooms;

	InteractionRooms(RoomHolds rooms) {
		this.rooms = rooms;
	}

	Optional<MeetingRooms.Booking> of(long interactionId) {
		return rooms.heldBy(SUBJECT, interactionId);
	}

	/**
	 * Holds the room asked for (or none) for a planned meeting's time. A done or
	 * cancelled interaction keeps the room it had; another kind holds none.
	 * @throws RuleViolation on {@code roomId} when the room is taken then, or the
	 * interaction cannot hold one
	 */
	void hold(Interaction interaction, @Nullable Long roomId, CurrentUser actor) {
		if (interaction.state() != InteractionState.PLANNED) {
			if (roomId != null && !Objects.equals(roomId, of(interaction.id()).map(b -> b.roomId()).orElse(null))) {
				throw new RuleViolation("roomId", "interaction.room-planned-only");
			}
			return;
		}
		if (!interaction.kind().hasPlace()) {
			if (roomId != null) {
				throw new RuleViolation("roomId", "interaction.room-meetings-only");
			}
			rooms.release(SUBJECT, interaction.id());
			return;
		}
		rooms.hold(SUBJECT, interaction.id(), roomId, interaction.subject(), interaction.at(), interaction.plannedEnd(),
				actor);
	}

	/** A meeting that will not happen frees its room. */
	void free(Interaction interaction) {
		rooms.release(SUBJECT, interaction.id());
	}

	/**
	 * A deleted meeting frees its room too.
	 * @return the room a planned meeting held, to be asked back if it is restored, or
	 * null
	 */
	@Nullable Long freeForDeletion(Interaction interaction) {
		Long held = interaction.state() == InteractionState.PLANNED
				? of(interaction.id()).map(MeetingRooms.Booking::roomId).orElse(null) : null;
		free(interaction);
		return held;
	}

	/**
	 * A planned meeting taken back from the recycle bin asks back the room it held, which
	 * it gets when the room is still free at its time (and still in use).
	 */
	RoomHolds.Regained holdAgain(Interaction interaction, long roomId, CurrentUser actor) {
		return rooms.holdIfFree(SUBJECT, interaction.id(), roomId, interaction.subject(), interaction.at(),
				interaction.plannedEnd(), actor);
	}

	/**
	 * A meeting done before its booking ends gives the rest back: all of it if it had not
	 * begun.
	 */
	void done(Interaction interaction, Instant now, CurrentUser actor) {
		of(interaction.id()).ifPresent(booking -> {
			if (!booking.startsAt().isBefore(now)) {
				rooms.release(SUBJECT, interaction.id());
			}
			else if (booking.endsAt().isAfter(now)) {
				rooms.hold(SUBJECT, interaction.id(), booking.roomId(), booking.title(), booking.startsAt(), now,
						actor);
			}
		});
	}

}
