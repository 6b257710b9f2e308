package io.clientele.activities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.clientele.activities.HandoverPart;
import io.clientele.activities.InteractionService;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The planned calls, meetings and other interactions of a departing user, handed over in
 * one statement: the other user does them. Done ones stay with who did them.
 */
@Component
class InteractionHandoverPart implements HandoverPart {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InteractionHandoverPart(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "handover.part.interactions";
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public long count(long fromUserId, CurrentUser actor) {
		// a range of interactions_planned_idx (responsible_id, state, planned_at)
		return jdbc.sql("""
				select count(*) from interactions
				 where responsible_id = ? and state = 'PLANNED' and deleted_at is null
				""").param(fromUserId).query(Long.class).single();
	}

	@Override
	public int move(long fromUserId, long toUserId, CurrentUser actor) {
		Instant now = clock.instant();
		List<Long> moved = jdbc.sql("""
				update interactions set responsible_id = :to, updated_at = :now, updated_by = :actor,
				       version = version + 1, reminded_for = null
				 where responsible_id = :from and state = 'PLANNED' and deleted_at is null
				returning id
				""")
			.param("to", toUserId)
			.param("from", fromUserId)
			.param("actor", actor.id())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
		var names = users.names(List.of(fromUserId, toUserId));
		List<FieldChange> change = List
			.of(FieldChange.of("interaction.field.responsible", names.get(fromUserId), names.get(toUserId)));
		for (long id : moved) {
			events.publishEvent(new RecordChanged(InteractionService.RECORD_TYPE, id, RecordChanged.Action.REASSIGNED,
					change, actor.id(), now));
		}
		return moved.size();
	}

}
