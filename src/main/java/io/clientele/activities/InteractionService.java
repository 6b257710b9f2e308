package io.clientele.activities;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.clientele.activities.internal.Interaction;
import io.clientele.activities.internal.InteractionStore;
import io.clientele.activities.internal.InteractionWrites;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging, planning, completing, editing and deleting interactions, for a signed-in user
 * and within what they may see. Every change publishes {@link RecordChanged}, which
 * becomes the history.
 */
@Service
public class InteractionService {

	public static final String RECORD_TYPE = "interaction";

	private final InteractionStore store;

	private final InteractionWrites writes;

	private final Clock clock;

	InteractionService(InteractionStore store, InteractionWrites writes, Clock clock) {
		this.store = store;
		this.writes = writes;
		this.clock = clock;
	}

	/** Logs a done interaction or plans one ({@link InteractionDraft#state()}). */
	@Transactional
	public long create(InteractionDraft draft, CurrentUser actor) {
		return writes.create(draft, null, actor, clock.instant()).id();
	}

	/**
	 * Logs or plans an interaction like {@link #create} and answers its card as written,
	 * in the same transaction (the API's answer, without reading it back).
	 */
	@Transactional
	public InteractionCard createAndShow(InteractionDraft draft, CurrentUser actor) {
		return store.card(writes.create(draft, null, actor, clock.instant()));
	}

	/**
	 * Replaces the interaction's data with the draft, refused when it changed since the
	 * version the user edited, or when the meeting room it holds (or asks for) is taken
	 * at the new time. The state stays: it changes through {@link #complete} and
	 * {@link #cancel}.
	 */
	@Transactional
	public void update(long id, InteractionDraft draft, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Interaction interaction = store.visible(id, actor);
		interaction.checkVersion(version);
		var before = store.snapshot(interaction);
		writes.update(interaction, store.check(draft, interaction, actor), draft.roomId(), actor, now);
		store.save(interaction);
		writes.changed(interaction, before, actor, now);
	}

	/**
	 * Marks a planned interaction done and, when {@code next} is given, plans the next
	 * one on the same client, contact person and deal — both or neither.
	 * @return the id of the next interaction, or null when none was planned
	 */
	@Transactional
	public @Nullable Long complete(long id, long version, InteractionCompletion completion,
			@Nullable InteractionPlan next, CurrentUser actor) {
		Instant now = clock.instant();
		Interaction interaction = store.visible(id, actor);
		interaction.checkVersion(version);
		var before = store.snapshot(interaction);
		writes.complete(interaction, completion, actor, now);
		store.save(interaction);
		writes.changed(interaction, before, actor, now);
		if (next == null) {
			return null;
		}
		InteractionDraft planned = new InteractionDraft(next.kind(), InteractionState.PLANNED, next.at(),
				interaction.clientId(), interaction.contactId(), interaction.dealId(),
				next.subject() == null || next.subject().isBlank() ? interaction.subject() : next.subject(), null, null,
				next.responsibleId() == null ? interaction.responsibleId() : next.responsibleId(), List.of(),
				interaction.participantContactIds(), null, null, null, null, null, null, null, null);
		return writes.create(planned, interaction, actor, now).id();
	}

	/** A planned interaction that will not happen; a meeting frees its room. */
	@Transactional
	public void cancel(long id, long version, CurrentUser actor) {
		Instant now = clock.instant();
		Interaction interaction = store.visible(id, actor);
		interaction.checkVersion(version);
		var before = store.snapshot(interaction);
		writes.cancel(interaction, actor, now);
		store.save(interaction);
		writes.changed(interaction, before, actor, now);
	}

	/**
	 * Moves the interaction to the recycle bin; a planned meeting frees its room and asks
	 * for it back when it is restored.
	 */
	@Transactional
	public void delete(long id, long version, CurrentUser actor) {
		Interaction interaction = store.visible(id, actor);
		interaction.checkVersion(version);
		writes.delete(interaction, actor, clock.instant());
	}

	/**
	 * Takes the interaction back from the recycle bin (within 30 days, for whoever may
	 * see it); a planned meeting gets its room back if the room is still free then.
	 */
	@Transactional
	public InteractionRestored restore(long id, CurrentUser actor) {
		return writes.restore(store.visibleInRecycleBin(id, actor), actor, clock.instant());
	}

	@Transactional(readOnly = true)
	public InteractionCard card(long id, CurrentUser reader) {
		return store.card(store.visible(id, reader));
	}

	/** Whether the user may see the interaction. */
	@Transactional(readOnly = true)
	public boolean visible(long id, CurrentUser reader) {
		try {
			store.visible(id, reader);
			return true;
		}
		catch (RecordNotFound ex) {
			return false;
		}
	}

}
