package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.clientele.activities.InteractionService;
import io.clientele.activities.TaskService;
import io.clientele.clients.ClientService;
import io.clientele.clients.ContactService;
import io.clientele.clients.MergeUndone;
import io.clientele.clients.RecordNames;
import io.clientele.clients.RecordsMerged;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merge of clients (or contact persons) moves the merged record's interactions and
 * tasks to the survivor, in the merge's transaction, as the deals move; a merge of
 * contact persons also moves the merged person's places among interactions' participants.
 * Undoing the merge moves back what is still on the survivor.
 */
@Component
class ActivityMergeMoves {

	/**
	 * What moves: the table, its moves table and key column, its history's type and field
	 * prefix.
	 */
	private record Moving(String table, String moves, String key, String recordType, String fieldPrefix) {
	}

	private static final List<Moving> MOVING = List.of(
			new Moving("interactions", "interaction_merge_moves", "interaction_id", InteractionService.RECORD_TYPE,
					"interaction.field."),
			new Moving("tasks", "task_merge_moves", "task_id", TaskService.RECORD_TYPE, "task.field."));

	private final JdbcClient jdbc;

	private final RecordNames names;

	private final ApplicationEventPublisher events;

	ActivityMergeMoves(JdbcClient jdbc, RecordNames names, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.names = names;
		this.events = events;
	}

	@EventListener
	void merged(RecordsMerged merge) {
		Boolean clients = clients(merge.recordType());
		if (clients == null) {
			return;
		}
		String column = clients ? "client_id" : "contact_id";
		for (Moving moving : MOVING) {
			List<Long> moved = jdbc.sql("""
					with moving as (
					  insert into %2$s (merge_id, %3$s, from_client_id, from_contact_id)
					  select :merge, r.id, r.client_id, r.contact_id from %1$s r where r.%4$s = :merged
					  returning %3$s
					)
					update %1$s r set %4$s = :survivor, updated_at = :at, version = version + 1
					  from moving m where r.id = m.%3$s
					returning r.id
					""".formatted(moving.table(), moving.moves(), moving.key(), column))
				.param("merge", merge.mergeId())
				.param("merged", merge.mergedId())
				.param("survivor", merge.survivorId())
				.param("at", Timestamp.from(merge.at()))
				.query(Long.class)
				.list();
			history(moving, moved, clients, merge.mergedId(), merge.survivorId(), merge.actorId(), merge.at());
		}
		if (!clients) {
			participantsMerged(merge);
		}
	}

	@EventListener
	void undone(MergeUndone undo) {
		Boolean clients = clients(undo.recordType());
		if (clients == null) {
			return;
		}
		String column = clients ? "client_id" : "contact_id";
		for (Moving moving : MOVING) {
			List<Long> moved = jdbc.sql("""
					update %1$s r set %4$s = m.from_%4$s, updated_at = :at, version = version + 1
					  from %2$s m
					 where m.merge_id = :merge and r.id = m.%3$s and r.%4$s = :survivor
					returning r.id
					""".formatted(moving.table(), moving.moves(), moving.key(), column))
				.param("merge", undo.mergeId())
				.param("survivor", undo.survivorId())
				.param("at", Timestamp.from(undo.at()))
				.query(Long.class)
				.list();
			jdbc.sql("delete from " + moving.moves() + " where merge_id = ?").param(undo.mergeId()).update();
			history(moving, moved, clients, undo.survivorId(), undo.mergedId(), undo.actorId(), undo.at());
		}
		if (!clients) {
			participantsUndone(undo);
		}
	}

	/**
	 * The merged person takes part as the survivor; where the survivor took part already,
	 * the merged person's row goes (one person once per interaction).
	 */
	private void participantsMerged(RecordsMerged merge) {
		List<Long> changed = jdbc.sql("""
				with moving as (
				  insert into interaction_participant_merge_moves (merge_id, interaction_id, from_contact_id, dropped)
				  select :merge, p.interaction_id, p.contact_id,
				         exists (select 1 from interaction_participants s
				                  where s.interaction_id = p.interaction_id and s.contact_id = :survivor)
				    from interaction_participants p where p.contact_id = :merged
				  returning interaction_id, dropped
				), moved as (
				  update interaction_participants p set contact_id = :survivor from moving m
				   where p.interaction_id = m.interaction_id and p.contact_id = :merged and not m.dropped
				  returning p.interaction_id
				), dropped as (
				  delete from interaction_participants p using moving m
				   where p.interaction_id = m.interaction_id and p.contact_id = :merged and m.dropped
				  returning p.interaction_id
				)
				select interaction_id from moved union all select interaction_id from dropped
				""")
			.param("merge", merge.mergeId())
			.param("merged", merge.mergedId())
			.param("survivor", merge.survivorId())
			.query(Long.class)
			.list();
		participantsChanged(changed, merge.mergedId(), merge.survivorId(), merge.actorId(), merge.at());
	}

	/**
	 * The survivor's places that came from the merged person go back to them (those the
	 * survivor still holds), and the dropped rows come back.
	 */
	private void participantsUndone(MergeUndone undo) {
		List<Long> changed = jdbc.sql("""
				with back as (
				  update interaction_participants p set contact_id = m.from_contact_id
				    from interaction_participant_merge_moves m
				   where m.merge_id = :merge and not m.dropped and p.interaction_id = m.interaction_id
				     and p.contact_id = :survivor
				  returning p.interaction_id
				), restored as (
				  insert into interaction_participants (interaction_id, contact_id)
				  select m.interaction_id, m.from_contact_id from interaction_participant_merge_moves m
				   where m.merge_id = :merge and m.dropped
				     and not exists (select 1 from interaction_participants x
				                      where x.interaction_id = m.interaction_id and x.contact_id = m.from_contact_id)
				  returning interaction_id
				)
				select interaction_id from back union all select interaction_id from restored
				""").param("merge", undo.mergeId()).param("survivor", undo.survivorId()).query(Long.class).list();
		jdbc.sql("delete from interaction_participant_merge_moves where merge_id = ?").param(undo.mergeId()).update();
		participantsChanged(changed, undo.survivorId(), undo.mergedId(), undo.actorId(), undo.at());
	}

	/**
	 * A new version of each interaction (an edit begun before is refused) and its
	 * history.
	 */
	private void participantsChanged(List<Long> ids, long from, long to, @Nullable Long actorId, Instant at) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("update interactions set version = version + 1, updated_at = ? where id = any(?)")
			.params(Timestamp.from(at), ids.toArray(Long[]::new))
			.update();
		Map<Long, String> named = names.contacts(List.of(from, to));
		FieldChange change = FieldChange.of("interaction.field.participants", named.get(from), named.get(to));
		for (long id : ids) {
			events.publishEvent(new RecordChanged(InteractionService.RECORD_TYPE, id, RecordChanged.Action.UPDATED,
					List.of(change), actorId, at));
		}
	}

	/** True for clients, false for contact persons, null for anything else. */
	private static @Nullable Boolean clients(String recordType) {
		if (ClientService.RECORD_TYPE.equals(recordType)) {
			return true;
		}
		return ContactService.RECORD_TYPE.equals(recordType) ? false : null;
	}

	private void history(Moving moving, List<Long> ids, boolean clients, long from, long to, @Nullable Long actorId,
			Instant at) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, String> named = clients ? names.clients(List.of(from, to)) : names.contacts(List.of(from, to));
		FieldChange change = FieldChange.of(moving.fieldPrefix() + (clients ? "client" : "contact"), named.get(from),
				named.get(to));
		for (long id : ids) {
			events.publishEvent(new RecordChanged(moving.recordType(), id, RecordChanged.Action.UPDATED,
					List.of(change), actorId, at));
		}
	}

}
