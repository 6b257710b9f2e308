package io.clientele.activities.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.clientele.activities.CalendarItem;
import io.clientele.activities.CalendarSource;
import io.clientele.activities.InteractionCard;
import io.clientele.activities.InteractionDraft;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionService;
import io.clientele.activities.InteractionState;
import io.clientele.activities.InteractionVisibility;
import io.clientele.activities.TaskBulk;
import io.clientele.activities.TaskVisibility;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open tasks with a deadline (at their time, or all day on their day) and planned
 * interactions (of their executor and of the users taking part, as long as planned, in
 * the room they hold) in the calendar; dragged, a task's deadline moves with its
 * reminder, an interaction's planned time moves with its room, and a meeting stretched
 * takes longer.
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

	private final TaskStore taskStore;

	private final InteractionStore interactionStore;

	PlannedWorkCalendar(JdbcClient jdbc, TaskBulk tasks, InteractionService interactions, TaskStore taskStore,
			InteractionStore interactionStore) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.interactions = interactions;
		this.taskStore = taskStore;
		this.interactionStore = interactionStore;
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
		// one that began up to a day before (the longest meeting) may still go on
		jdbc.sql("""
				select w.id, w.user_id, w.subject, w.planned_at, w.kind, w.place, w.planned_minutes, r.name
				  from (select i.id, i.responsible_id as user_id, i.subject, i.planned_at, i.kind, i.place,
				               i.planned_minutes
				          from interactions i
				         where i.state = 'PLANNED' and i.deleted_at is null and i.planned_at >= :from
				           and i.planned_at < :to and i.responsible_id = any(:users)
				        union
				        select i.id, m.user_id, i.subject, i.planned_at, i.kind, i.place, i.planned_minutes
				          from (select p.interaction_id, p.user_id from interaction_participants p
				                 where p.user_id = any(:users)
				                   and p.interaction_id in (select x.id from interactions x
				                                             where x.state = 'PLANNED' and x.deleted_at is null
				                                               and x.planned_at >= :from and x.planned_at < :to)
				                offset 0) m
				          join interactions i on i.id = m.interaction_id) w
				  left join room_bookings b on b.subject_kind = 'interaction' and b.subject_id = w.id
				  left join meeting_rooms r on r.id = b.room_id
				""")
			.param("users", users)
			.param("from", Timestamp.from(from.minus(Duration.ofDays(1))))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				Instant start = rs.getTimestamp(4).toInstant();
				Integer minutes = rs.getObject(7, Integer.class);
				Instant end = start.plus(minutes == null ? InteractionKind.valueOf(rs.getString(5)).usualLength()
						: Duration.ofMinutes(minutes));
				if (end.isAfter(from)) {
					items.add(new CalendarItem(INTERACTION, rs.getLong(1), rs.getLong(2), rs.getString(3), start, end,
							false, "/interactions/" + rs.getLong(1), true, place(rs.getString(8), rs.getString(6))));
				}
			});
		return items;
	}

	/** Where it happens: the room it holds, and the place written. */
	private static @Nullable String place(@Nullable String room, @Nullable String place) {
		if (room == null) {
			return place;
		}
		return place == null ? room : room + ", " + place;
	}

	/**
	 * The tasks and interactions the reader may see, by the same access conditions as
	 * their lists.
	 */
	@Override
	@Transactional(readOnly = true)
	public Set<Long> visible(String kind, Collection<Long> ids, CurrentUser reader) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		if (TASK.equals(kind)) {
			TaskVisibility visibility = taskStore.visibility(reader.id());
			return Set.copyOf(visibility
				.bind(jdbc.sql("select t.id from tasks t where t.id = any(:ids) and " + visibility.sqlCondition("t"))
					.param("ids", ids.toArray(Long[]::new)))
				.query(Long.class)
				.list());
		}
		InteractionVisibility visibility = interactionStore.visibility(reader.id());
		return Set.copyOf(visibility
			.bind(jdbc.sql("select i.id from interactions i where i.id = any(:ids) and " + visibility.sqlCondition("i"))
				.param("ids", ids.toArray(Long[]::new)))
			.query(Long.class)
			.list());
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
		// a meeting stretched or shortened takes as long as it is drawn now
		Integer minutes = card.kind().hasPlace() && end != null && end.isAfter(start)
				? (int) Duration.between(start, end).toMinutes() : card.plannedMinutes();
		interactions.update(id,
				new InteractionDraft(card.kind(), card.state(), start, card.clientId(), card.contactId(), card.dealId(),
						card.subject(), card.result(), card.minutesSpent(), card.responsibleId(),
						List.copyOf(card.participantUsers().keySet()), List.copyOf(card.participantContacts().keySet()),
						card.direction(), card.durationSeconds(), card.callResult(), card.recordingUrl(), card.place(),
						card.channel(), minutes, card.roomId()),
				card.version(), actor);
	}

}
