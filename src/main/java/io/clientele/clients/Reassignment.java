package io.clientele.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.identity.AccessScopes;
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
 * A head or an administrator hands clients from one manager to another: a few chosen ones
 * or all of them. Only clients the head may see move, only to a manager in their
 * department tree; every moved client notes it in its history.
 */
@Service
public class Reassignment {

	private final JdbcClient jdbc;

	private final ClientAccess access;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Reassignment(JdbcClient jdbc, ClientAccess access, AccessScopes scopes, UserDirectory users,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.scopes = scopes;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/** How many clients of this manager the user would move with "all". */
	@Transactional(readOnly = true)
	public long countOf(long fromUserId, CurrentUser actor) {
		mayReassign(actor);
		var visibility = access.of(actor.id());
		return visibility
			.bind(jdbc.sql("select count(*) from clients c where c.deleted_at is null and c.responsible_id = :from and "
					+ visibility.sqlCondition("c")))
			.param("from", fromUserId)
			.query(Long.class)
			.single();
	}

	/** Moves the chosen clients; those the user may not see are left alone. */
	@Transactional
	public int reassign(Collection<Long> clientIds, long toUserId, CurrentUser actor) {
		return move("c.id = any(:ids)", Map.of("ids", clientIds.toArray(Long[]::new)), toUserId, actor);
	}

	/** Moves all clients of a manager that the user may see. */
	@Transactional
	public int reassignAll(long fromUserId, long toUserId, CurrentUser actor) {
		return move("c.responsible_id = :from", Map.of("from", fromUserId), toUserId, actor);
	}

	private int move(String which, Map<String, Object> params, long toUserId, CurrentUser actor) {
		mayReassign(actor);
		UserSummary target = users.find(toUserId)
			.filter(UserSummary::active)
			.filter(user -> scopes.of(actor.id()).covers(user.id()))
			.orElseThrow(() -> new RuleViolation("to", "client.responsible.not-allowed"));
		var visibility = access.of(actor.id());
		var statement = jdbc.sql("""
				with moving as (
				  select c.id, c.responsible_id from clients c
				   where c.deleted_at is null and c.responsible_id <> :to and %s and %s
				   for update
				)
				update clients c set responsible_id = :to, updated_at = :now, version = c.version + 1
				  from moving where c.id = moving.id
				returning c.id, moving.responsible_id
				""".formatted(which, visibility.sqlCondition("c")))
			.param("to", target.id())
			.param("now", clock.instant().atOffset(ZoneOffset.UTC));
		for (Map.Entry<String, Object> param : params.entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		record Moved(long id, long from) {
		}
		List<Moved> moved = visibility.bind(statement).query((rs, n) -> new Moved(rs.getLong(1), rs.getLong(2))).list();
		Set<Long> people = new HashSet<>();
		moved.forEach(client -> people.add(client.from()));
		Map<Long, String> names = users.names(people);
		Instant now = clock.instant();
		List<RecordChanged> changes = new ArrayList<>(moved.size());
		for (Moved client : moved) {
			changes.add(new RecordChanged(ClientService.RECORD_TYPE, client.id(), RecordChanged.Action.REASSIGNED,
					List.of(FieldChange.of("client.field.responsible", names.get(client.from()), target.fullName())),
					actor.id(), now));
		}
		changes.forEach(events::publishEvent);
		return moved.size();
	}

	private static void mayReassign(CurrentUser actor) {
		if (!actor.is(Role.ADMINISTRATOR) && !actor.is(Role.HEAD_OF_DEPARTMENT)) {
			throw new AccessDeniedException("Only heads and administrators reassign clients");
		}
	}

}
