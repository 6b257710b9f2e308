package io.clientele.activities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskState;
import io.clientele.activities.TimelineEntry;
import io.clientele.activities.TimelineSource;
import io.clientele.activities.TimelineSubject;
import io.clientele.activities.TimelineWindow;
import io.clientele.deals.DealQueries;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tasks and work items of a client or a deal in its timeline. A task stands where it
 * last happened: when it was done, or, while open, when it was set (its deadline shows on
 * the line). Whoever may see the client (the deal) may see the tasks about it
 * ({@code TaskVisibility}), so no further condition: one range of
 * {@code tasks_client_timeline_idx} ({@code tasks_deal_timeline_idx}) from the cursor.
 */
@Component
class TaskTimeline implements TimelineSource {

	static final String KEY = "tasks";

	/** Where a task stands in a timeline; the indexes hold the same expression. */
	private static final String AT = "coalesce(t.done_at, t.created_at)";

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final DealQueries deals;

	TaskTimeline(JdbcClient jdbc, UserDirectory users, DealQueries deals) {
		this.jdbc = jdbc;
		this.users = users;
		this.deals = deals;
	}

	/**
	 * A task as a line of the timeline.
	 *
	 * @param dealSubject the deal it is about, named on a client's timeline only
	 */
	record Item(long id, TaskKind kind, TaskState state, TaskPriority priority, Instant at, String title,
			@Nullable LocalDate dueOn, @Nullable Instant dueAt, String executorName, @Nullable Long dealId,
			@Nullable String dealSubject, @Nullable String result) {

		public boolean done() {
			return state == TaskState.DONE;
		}

		public boolean high() {
			return priority == TaskPriority.HIGH;
		}

		public String href() {
			return "/tasks/" + id;
		}

		public @Nullable String dealHref() {
			return dealId == null ? null : "/deals/" + dealId;
		}

		public String avatarClass() {
			return done() ? "avatar avatar-sm flex-shrink-0 bg-green-lt"
					: "avatar avatar-sm flex-shrink-0 bg-purple-lt";
		}

		public String iconClass() {
			return done() ? "ti ti-checkbox" : "ti ti-square";
		}

		public String badgeClass() {
			return done() ? "badge ms-1 bg-green-lt" : "badge ms-1 bg-purple-lt";
		}

	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public List<String> kinds() {
		return List.of(TaskKind.TASK.name(), TaskKind.WORK_ITEM.name());
	}

	@Override
	public int order() {
		return 50;
	}

	private record Row(long id, TaskKind kind, TaskState state, TaskPriority priority, Instant at, String title,
			@Nullable LocalDate dueOn, @Nullable Instant dueAt, long executorId, @Nullable Long dealId,
			@Nullable String result) {
	}

	@Override
	public List<TimelineEntry> entries(TimelineSubject subject, TimelineWindow window, CurrentUser reader) {
		List<String> kinds = kinds().stream().filter(window::wants).toList();
		StringBuilder sql = new StringBuilder("select t.id, t.kind, t.state, t.priority, " + AT
				+ " as at, t.title, t.due_on, t.due_at, t.executor_id, t.deal_id, t.result"
				+ " from tasks t where t.deleted_at is null");
		sql.append(subject.client() ? " and t.client_id = :subject" : " and t.deal_id = :subject");
		var before = window.upTo();
		if (before != null) {
			sql.append(" and (" + AT + ", t.id) < (:at, :id)");
		}
		if (window.from() != null) {
			sql.append(" and " + AT + " >= :from");
		}
		if (kinds.size() < kinds().size()) {
			sql.append(" and t.kind = any(:kinds)");
		}
		sql.append(" order by " + AT + " desc, t.id desc limit :limit");
		List<Row> rows = jdbc.sql(sql.toString())
			.param("subject", subject.id())
			.param("at", before == null ? null : utc(before.at()))
			.param("id", before == null ? 0L : before.id())
			.param("from", window.from() == null ? null : utc(window.from()))
			.param("kinds", kinds.toArray(String[]::new))
			.param("limit", window.limit())
			.query(TaskTimeline::row)
			.list();
		Set<Long> people = new HashSet<>();
		Set<Long> dealIds = new HashSet<>();
		for (Row row : rows) {
			people.add(row.executorId());
			if (row.dealId() != null && subject.client()) {
				dealIds.add(row.dealId());
			}
		}
		Map<Long, String> userNames = people.isEmpty() ? Map.of() : users.names(people);
		Map<Long, String> dealNames = dealIds.isEmpty() ? Map.of() : deals.subjects(dealIds);
		List<TimelineEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Item item = new Item(row.id(), row.kind(), row.state(), row.priority(), row.at(), row.title(), row.dueOn(),
					row.dueAt(), userNames.getOrDefault(row.executorId(), "?"), row.dealId(),
					row.dealId() == null || !subject.client() ? null : dealNames.get(row.dealId()), row.result());
			entries.add(
					new TimelineEntry(KEY, row.id(), row.at(), row.kind().name(), "activities/timeline", "task", item));
		}
		return entries;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime dueAt = rs.getObject("due_at", OffsetDateTime.class);
		return new Row(rs.getLong("id"), TaskKind.valueOf(rs.getString("kind")),
				TaskState.valueOf(rs.getString("state")), TaskPriority.valueOf(rs.getString("priority")),
				rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("title"),
				rs.getObject("due_on", LocalDate.class), dueAt == null ? null : dueAt.toInstant(),
				rs.getLong("executor_id"), rs.getObject("deal_id", Long.class), rs.getString("result"));
	}

}
