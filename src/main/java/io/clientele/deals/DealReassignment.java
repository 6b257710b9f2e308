package io.clientele.deals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator hands the open deals of a departing manager to another: as their
 * responsible manager, and where the departing one was a co-executor, the other takes
 * their place. Closed deals stay with who closed them (the reports of won and lost deals
 * stay true). Every moved deal notes it in its history; the counters of open deals follow
 * by their triggers.
 */
@Service
public class DealReassignment {

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DealReassignment(JdbcClient jdbc, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/** How many open deals the user is responsible for or co-executes. */
	@Transactional(readOnly = true)
	public long countOpenOf(long fromUserId) {
		return jdbc
			.sql("""
					select (select count(*) from deals where responsible_id = :from and state = 'IN_WORK' and deleted_at is null)
					     + (select count(*) from deals where co_executor_ids && array[:from]::bigint[] and responsible_id <> :from
					               and state = 'IN_WORK' and deleted_at is null)
					""")
			.param("from", fromUserId)
			.query(Long.class)
			.single();
	}

	/** Moves the open deals of one user to another; an administrator's action. */
	@Transactional
	public int moveOpen(long fromUserId, long toUserId, CurrentUser actor) {
		if (!actor.is(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators hand over deals");
		}
		UserSummary target = users.find(toUserId)
			.filter(UserSummary::active)
			.filter(user -> user.id() != fromUserId)
			.orElseThrow(() -> new RuleViolation("to", "deal.responsible.not-allowed"));
		var now = clock.instant();
		List<Long> responsible = jdbc.sql("""
				update deals set responsible_id = :to,
				       co_executor_ids = array_remove(co_executor_ids, :to), updated_at = :now, version = version + 1
				 where responsible_id = :from and state = 'IN_WORK' and deleted_at is null
				returning id
				""")
			.param("to", target.id())
			.param("from", fromUserId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
		List<Long> coExecuted = jdbc.sql("""
				update deals set co_executor_ids = case when responsible_id = :to or :to = any(co_executor_ids)
				                                        then array_remove(co_executor_ids, :from)
				                                        else array_replace(co_executor_ids, :from, :to) end,
				       updated_at = :now, version = version + 1
				 where co_executor_ids && array[:from]::bigint[] and state = 'IN_WORK' and deleted_at is null
				returning id
				""")
			.param("to", target.id())
			.param("from", fromUserId)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.list();
		String fromName = users.names(List.of(fromUserId)).get(fromUserId);
		publish(responsible, "deal.field.responsible", fromName, target.fullName(), actor, now);
		publish(coExecuted, "deal.field.co-executors", fromName, target.fullName(), actor, now);
		return responsible.size() + (int) coExecuted.stream().filter(id -> !responsible.contains(id)).count();
	}

	private void publish(List<Long> ids, String field, String from, String to, CurrentUser actor, Instant now) {
		List<RecordChanged> changes = new ArrayList<>(ids.size());
		for (long id : ids) {
			changes.add(new RecordChanged(DealService.RECORD_TYPE, id, RecordChanged.Action.REASSIGNED,
					List.of(FieldChange.of(field, from, to)), actor.id(), now));
		}
		changes.forEach(events::publishEvent);
	}

}
