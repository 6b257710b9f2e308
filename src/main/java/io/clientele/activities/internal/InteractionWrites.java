package io.clientele.activities.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.clientele.activities.InteractionCompletion;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionLogged;
import io.clientele.activities.InteractionRestored;
import io.clientele.activities.InteractionService;
import io.clientele.activities.InteractionState;
import io.clientele.activities.MeetingRooms;
import io.clientele.activities.RoomHolds;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The changes of interactions that the facade asks for, with their events: the
 * aggregate's state moves stay inside this package.
 */
@Component
public class InteractionWrites {

	private static final String ROOM = "interaction.field.room";

	private final InteractionStore store;

	private final InteractionRooms rooms;

	private final ApplicationEventPublisher events;

	InteractionWrites(InteractionStore store, InteractionRooms rooms, ApplicationEventPublisher events) {
		this.store = store;
		this.rooms = rooms;
		this.events = events;
	}

	/**
	 * Logs or plans an interaction; a planned meeting books the room it asks for in the
	 * same transaction, so a room taken then leaves nothing saved.
	 * @param follows the interaction whose completion plans this one, or null
	 */
	public Interaction create(InteractionDraft draft, @Nullable Interaction follows, CurrentUser actor, Instant now) {
		InteractionState state = draft.state() == null ? InteractionState.DONE : draft.state();
		if (state == InteractionState.CANCELLED) {
			throw new RuleViolation("state", "interaction.state-invalid");
		}
		InteractionData data = store.check(draft, null, actor);
		Interaction interaction = store.create(Interaction.log(data, state == InteractionState.DONE,
				follows == null ? null : follows.id(), actor.id(), now));
		rooms.hold(interaction, draft.roomId(), actor);
		events.publishEvent(new RecordChanged(InteractionService.RECORD_TYPE, interaction.id(),
				RecordChanged.Action.CREATED, store.initialChanges(interaction), actor.id(), now));
		events.publishEvent(new InteractionLogged(interaction.id(), interaction.kind(), interaction.state(),
				interaction.at(), interaction.clientId(), interaction.dealId(), interaction.responsibleId(),
				interaction.followsId()));
		return interaction;
	}

	/**
	 * Sets the data; the room a planned meeting holds moves with it, or the change is
	 * refused.
	 */
	public void update(Interaction interaction, InteractionData data, @Nullable Long roomId, CurrentUser actor,
			Instant now) {
		interaction.update(data, actor.id(), now);
		rooms.hold(interaction, roomId, actor);
	}

	public void complete(Interaction interaction, InteractionCompletion completion, CurrentUser actor, Instant now) {
		interaction.complete(completion, actor.id(), now);
		rooms.done(interaction, now, actor);
	}

	public void cancel(Interaction interaction, CurrentUser actor, Instant now) {
		interaction.cancel(actor.id(), now);
		rooms.free(interaction);
	}

	/**
	 * Moves it to the recycle bin, with its history; a planned meeting frees its room and
	 * remembers it.
	 */
	public void delete(Interaction interaction, CurrentUser actor, Instant now) {
		Optional<MeetingRooms.Booking> held = rooms.of(interaction.id());
		interaction.moveToRecycleBin(rooms.freeForDeletion(interaction), actor.id(), now);
		store.save(interaction);
		events.publishEvent(
				new RecordChanged(InteractionService.RECORD_TYPE, interaction.id(), RecordChanged.Action.DELETED,
						held.map(booking -> List.of(FieldChange.of(ROOM, booking.roomName(), null))).orElse(List.of()),
						actor.id(), now));
	}

	/**
	 * Takes it back from the recycle bin, with its history; a planned meeting gets back
	 * the room it held if the room is still free then, and goes on without it if not.
	 */
	public InteractionRestored restore(Interaction interaction, CurrentUser actor, Instant now) {
		Long roomId = interaction.restore(actor.id(), now);
		store.save(interaction);
		RoomHolds.Regained room = roomId == null || interaction.state() != InteractionState.PLANNED ? null
				: rooms.holdAgain(interaction, roomId, actor);
		List<FieldChange> changes = room != null && room.held() ? List.of(FieldChange.of(ROOM, null, room.roomName()))
				: List.of();
		events.publishEvent(new RecordChanged(InteractionService.RECORD_TYPE, interaction.id(),
				RecordChanged.Action.RESTORED, changes, actor.id(), now));
		return new InteractionRestored(interaction.id(), room == null || room.held() ? null : room.roomName());
	}

	/** Publishes what changed since the snapshot, if anything did. */
	public void changed(Interaction interaction, Map<String, InteractionChanges.Value> before, CurrentUser actor,
			Instant now) {
		List<RecordChanged.FieldChange> changes = store.changes(before, interaction);
		if (!changes.isEmpty()) {
			events.publishEvent(new RecordChanged(InteractionService.RECORD_TYPE, interaction.id(),
					RecordChanged.Action.UPDATED, changes, actor.id(), now));
		}
	}

}
