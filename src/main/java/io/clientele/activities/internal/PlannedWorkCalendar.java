package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.clientele.activities.CalendarItem;
import io.clientele.activities.CalendarSource;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionService;
import io.clientele.activities.InteractionState;
import io.clientele.activities.TaskBulk;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks with a deadline (at their time, or all day on their day) and planned
 * interactions (of their executor and of the users taking part) in the calendar; dragged,
 * a task's deadline moves with its reminder, an interaction's planned time moves.
 *
 * <p>
 * Tasks come from one range of {@code tasks_executor_open_idx} per person. The
 * interactions a person takes part in are found by meeting their participations with the
 * ids of the period's planned interactions, both read from indexes alone
 * ({@code interaction_participants_by_user_idx}, {@code interactions_planned_at_idx});
 * only the few rows found are then read. {@code offset 0} keeps the planner from joining
 * whole rows first: it underestimates a period's planned interactions (planned state and
 * time are correlated) and would read every one of them.
 */
@Component
class PlannedWorkCalendar implements CalendarSource {

	static final String TASK = "task";

	static final String INTERACTION = "interaction";

	/** How long a task's deadline is drawn. */
	static final Duration TASK_BLOCK = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final TaskBulk tasks;

	private final InteractionService interactions;

	PlannedWorkCalendar(JdbcClient jdbc, TaskBulk tasks, InteractionService interactions) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.interactions = interactions;
	}

	@Override
	public boolean offers(String kind) {
		return TASK.equals(kind) || INTERACTION.equals(kind);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CalendarItem> items(Collection<Long> userIds, Instant from, Instant to, CurrentUser reader) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		Long[] users = userIds.toArray(Long[]::new);
		ZoneId zone = ZoneId.systemDefault();
		List<CalendarItem> items = new ArrayList<>();
		jdbc.sql("""
				select t.id, t.executor_id, t.title, t.due_at, t.due_on from tasks t
				 where t.executor_id = any(:users) and t.deleted_at is null and t.state <> 'DONE'
				   and coalesce(t.due_on, date '9999-12-31') between :fromDay and :toDay
				 order by t.due_on, t.due_at nulls first, t.id
				""")
			.param("users", users)
			.param("fromDay", from.atZone(zone).toLocalDate().minusDays(1))
			.param("toDay", to.atZone(zone).toLocalDate())
			.query(rs -> {
				Timestamp dueAt = rs.getTimestamp(4);
				Instant start = dueAt != null ? dueAt.toInstant()
						: rs.getObject(5, LocalDate.class).atStartOfDay(zone).toInstant();
				Instant end = dueAt != null ? start.plus(TASK_BLOCK)
						: rs.getObject(5, LocalDate.class).plusDays(1).atStartOfDay(zone).toInstant();
				if (start.isBefore(to) && end.isAfter(from)) {
					items.add(new CalendarItem(TASK, rs.getLong(1), rs.getLong(2), rs.getString(3), start, end,
							dueAt == null, "/tasks/" + rs.getLong(1), dueAt != null, null));
				}
			});
		jdbc.sql("""
				select i.id, i.responsible_id, i.subject, i.planned_at, i.kind, i.place from interactions i
				 where i.state = 'PLANNED' and i.deleted_at is null and i.planned_at >= :from and i.planned_at < :to
				   and i.responsible_id = any(:users)
				union
				select i.id, m.user_id, i.subject, i.planned_at, i.kind, i.place
				  from (select p.interaction_id, p.user_id from interaction_participants p
				         where p.user_id = any(:users)
				           and p.interaction_id in (select w.id from interactions w
				                                     where w.state = 'PLANNED' and w.deleted_at is null
				                                       and w.planned_at >= :from and w.planned_at < :to)
				        offset 0) m
				  join interactions i on i.id = m.interaction_id
				""")
			.param("users", users)
			.param("from", Timestamp.from(from.minus(Duration.ofHours(2))))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				Instant start = rs.getTimestamp(4).toInstant();
				Instant end = start.plus(length(rs.getString(5)));
				if (end.isAfter(from)) {
					items.add(new CalendarItem(INTERACTION, rs.getLong(1), rs.getLong(2), rs.getString(3), start, end,
							false, "/interactions/" + rs.getLong(1), true, rs.getString(6)));
				}
			});
		return items;
	}

	/** How long an interaction of this kind is drawn: meetings and visits an hour. */
	static Duration length(String kind) {
		return "MEETING".equals(kind) || "VISIT".equals(kind) ? Duration.ofHours(1) : Duration.ofMinutes(30);
	}

	@Override
	public void move(String kind, long id, Instant start, Instant end, CurrentUser actor) {
		if (TASK.equals(kind)) {
			tasks.moveTo(id, start, actor);
			return;
		}
		InteractionCard card = interactions.card(id, actor);
		if (card.state() != InteractionState.PLANNED) {
			throw new RuleViolation("at", "interaction.move.not-planned");
		}
		interactions.update(id,
				new InteractionDraft(card.kind(), card.state(), start, card.clientId(), card.contactId(), card.dealId(),
						card.subject(), card.result(), card.minutesSpent(), card.responsibleId(),
						List.copyOf(card.participantUsers().keySet()), List.copyOf(card.participantContacts().keySet()),
						card.direction(), card.durationSeconds(), card.callResult(), card.recordingUrl(), card.place(),
						card.channel()),
				card.version(), actor);
	}

}
