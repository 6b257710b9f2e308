package io.clientele.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.internal.TaskStore;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.lists.RecordListQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My tasks": a person's open tasks in groups by deadline (overdue, today, tomorrow, this
 * week, later, without a deadline) and those done in the last days, with the tasks other
 * modules offer ({@link TaskSource}); the same for the people a head may see.
 *
 * <p>
 * Nothing here counts an unbounded set. The counters of one person are one index-only
 * scan of {@code tasks_executor_open_idx} over that person's open tasks, stopped after
 * {@link #COUNTED_UP_TO}; a group's rows are an index range of the same index, at most
 * {@link #ROWS}. For several people (a head's department) each person is a lateral
 * subquery of the same shape, so a department costs its size times one person.
 */
@Service
public class MyTasks {

	/** A person's open tasks are counted up to this many. */
	public static final int COUNTED_UP_TO = 5_000;

	/** How many rows a group shows at first. */
	public static final int ROWS = 20;

	/** How many more rows "show more" adds to a group. */
	public static final int MORE = 50;

	/** How far back the done group reaches. */
	public static final Duration DONE_RECENTLY = Duration.ofDays(7);

	/** The sidebar counts at most this many. */
	public static final int BADGE_UP_TO = 99;

	private static final String DUE = "coalesce(x.due_on, date '9999-12-31')";

	private static final String OPEN = "x.executor_id = p.id and x.deleted_at is null and x.state <> 'DONE'";

	private final JdbcClient jdbc;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final RecordNames names;

	private final DealQueries deals;

	private final List<TaskSource> sources;

	private final Clock clock;

	MyTasks(JdbcClient jdbc, AccessScopes scopes, UserDirectory users, RecordNames names, DealQueries deals,
			List<TaskSource> sources, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.users = users;
		this.names = names;
		this.deals = deals;
		this.sources = sources;
		this.clock = clock;
	}

	/** The reader's own tasks, now. */
	@Transactional(readOnly = true)
	public MyTasksView of(CurrentUser reader) {
		return of(reader.id(), reader, clock.instant());
	}

	/**
	 * One person's tasks as they stand at {@code now}: the reader's own, or a person in a
	 * head's scope (anyone else: not found).
	 */
	@Transactional(readOnly = true)
	public MyTasksView of(long executorId, CurrentUser reader, Instant now) {
		if (executorId != reader.id() && !scopes.of(reader.id()).covers(executorId)) {
			throw new RecordNotFound("User", executorId);
		}
		return view(List.of(executorId), now, true);
	}

	/** The tasks of everyone the reader may see (a head's department), at {@code now}. */
	@Transactional(readOnly = true)
	public MyTasksView everyone(CurrentUser reader, Instant now) {
		return view(people(reader).stream().map(UserSummary::id).toList(), now, false);
	}

	/** The people a head sees with their counts by group, at {@code now}. */
	@Transactional(readOnly = true)
	public List<MyTasksCounts> counts(CurrentUser reader, Instant now) {
		List<UserSummary> people = people(reader);
		Map<Long, MyTasksCounts> counted = counts(people.stream().map(UserSummary::id).toList(), now);
		List<MyTasksCounts> list = new ArrayList<>();
		for (UserSummary person : people) {
			MyTasksCounts counts = counted.get(person.id());
			list.add(new MyTasksCounts(person.id(), person.fullName(), counts.counts(), counts.attention(),
					counts.atLeast()));
		}
		return list;
	}

	/** The active people whose tasks the reader may see, themselves first. */
	@Transactional(readOnly = true)
	public List<UserSummary> people(CurrentUser reader) {
		List<UserSummary> people = new ArrayList<>(users.activeWithin(scopes.of(reader.id())));
		people.sort((a, b) -> Boolean.compare(b.id() == reader.id(), a.id() == reader.id()));
		return people;
	}

	/**
	 * What the sidebar shows beside "My tasks": the open tasks that are new, overdue or
	 * due today, up to {@link #BADGE_UP_TO} (one index-only range of the user's open
	 * tasks), and as many of the other modules' tasks ({@link TaskSource#attentionOf}).
	 */
	@Transactional(readOnly = true)
	public long badge(long userId) {
		Instant now = clock.instant();
		long own = ownBadge(userId, now);
		Instant tomorrow = today(now).plusDays(1).atStartOfDay(TaskStore.ZONE).toInstant();
		for (TaskSource source : sources) {
			if (own > BADGE_UP_TO) {
				break;
			}
			own += source.attentionOf(userId, tomorrow, (int) (BADGE_UP_TO + 1 - own));
		}
		return Math.min(own, BADGE_UP_TO + 1);
	}

	private long ownBadge(long userId, Instant now) {
		return jdbc.sql("""
				select count(*) from (
				  select 1 from tasks x
				   where x.executor_id = :user and x.deleted_at is null and x.state <> 'DONE'
				     and (coalesce(x.due_on, date '9999-12-31') <= :today or x.state = 'NEW')
				   limit :bound) t
				""")
			.param("user", userId)
			.param("today", today(now))
			.param("bound", BADGE_UP_TO + 1)
			.query(Long.class)
			.single();
	}

	public LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, TaskStore.ZONE);
	}

	private MyTasksView view(List<Long> people, Instant now, boolean withSources) {
		LocalDate today = today(now);
		Map<MyTasksGroup, List<MyTasksRow>> rows = rows(people, now);
		Map<MyTasksGroup, Long> counts = new EnumMap<>(MyTasksGroup.class);
		boolean atLeast = false;
		Map<Long, MyTasksCounts> counted = counts(people, now);
		for (MyTasksCounts person : counted.values()) {
			person.counts().forEach((group, count) -> counts.merge(group, count, Long::sum));
			atLeast |= person.atLeast();
		}
		if (withSources) {
			Map<Long, String> names = null; // read once, when some source has a row
			for (TaskSource source : sources) {
				for (long person : people) {
					List<TaskSourceItem> items = source.openOf(person, ROWS);
					if (!items.isEmpty() && names == null) {
						names = users.names(people);
					}
					for (TaskSourceItem item : items) {
						MyTasksGroup group = groupOf(item, today, now);
						rows.get(group).add(foreign(item, source, person, names.getOrDefault(person, "?")));
						counts.merge(group, 1L, Long::sum);
					}
				}
			}
		}
		List<MyTasksView.Group> groups = new ArrayList<>();
		for (MyTasksGroup group : MyTasksGroup.values()) {
			groups.add(new MyTasksView.Group(group, counts.getOrDefault(group, 0L),
					atLeast && group != MyTasksGroup.DONE, rows.get(group)));
		}
		return new MyTasksView(today, people, groups);
	}

	/** The group a task of another module falls in. */
	private static MyTasksGroup groupOf(TaskSourceItem item, LocalDate today, Instant now) {
		if (item.dueOn() == null) {
			return MyTasksGroup.NO_DEADLINE;
		}
		if (item.dueOn().isBefore(today) || (item.dueAt() != null && item.dueAt().isBefore(now))) {
			return MyTasksGroup.OVERDUE;
		}
		Bounds bounds = Bounds.of(today, now);
		if (item.dueOn().equals(today)) {
			return MyTasksGroup.TODAY;
		}
		if (item.dueOn().equals(bounds.tomorrow())) {
			return MyTasksGroup.TOMORROW;
		}
		return item.dueOn().isAfter(bounds.weekEnd()) ? MyTasksGroup.LATER : MyTasksGroup.THIS_WEEK;
	}

	private static MyTasksRow foreign(TaskSourceItem item, TaskSource source, long person, String personName) {
		return new MyTasksRow(null, 0, item.href(), item.title(), null,
				item.attention() ? TaskState.NEW : TaskState.IN_PROGRESS, TaskPriority.NORMAL, item.dueOn(),
				item.dueAt() == null ? null : item.dueAt().atZone(TaskStore.ZONE).toLocalTime(), null, null, person,
				personName, source.labelKey(), item.attention(), null);
	}

	/**
	 * The days that cut the groups: this week runs from the day after tomorrow to Sunday
	 * (empty from Saturday on).
	 */
	private record Bounds(LocalDate today, LocalDate tomorrow, LocalDate weekEnd, Instant since) {

		static Bounds of(LocalDate today, Instant now) {
			LocalDate tomorrow = today.plusDays(1);
			LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
			return new Bounds(today, tomorrow, sunday.isAfter(tomorrow) ? sunday : tomorrow, now.minus(DONE_RECENTLY));
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Instant now) {
			return statement.param("today", today)
				.param("tomorrow", tomorrow)
				.param("weekEnd", weekEnd)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("since", since.atOffset(ZoneOffset.UTC));
		}

	}

	/** Each group's condition on the open tasks of one person ({@code x}). */
	private static final Map<MyTasksGroup, String> CONDITIONS = new LinkedHashMap<>();

	static {
		CONDITIONS.put(MyTasksGroup.OVERDUE, DUE + " <= :today and (" + DUE + " < :today or x.due_at < :now)");
		CONDITIONS.put(MyTasksGroup.TODAY, DUE + " = :today and not coalesce(x.due_at < :now, false)");
		CONDITIONS.put(MyTasksGroup.TOMORROW, DUE + " = :tomorrow");
		CONDITIONS.put(MyTasksGroup.THIS_WEEK, DUE + " > :tomorrow and " + DUE + " <= :weekEnd");
		CONDITIONS.put(MyTasksGroup.LATER, DUE + " > :weekEnd and " + DUE + " < date '9999-12-31'");
		CONDITIONS.put(MyTasksGroup.NO_DEADLINE, DUE + " = date '9999-12-31'");
	}

	private Map<Long, MyTasksCounts> counts(List<Long> people, Instant now) {
		Map<Long, MyTasksCounts> counts = new LinkedHashMap<>();
		if (people.isEmpty()) {
			return counts;
		}
		StringBuilder filters = new StringBuilder();
		for (Map.Entry<MyTasksGroup, String> group : CONDITIONS.entrySet()) {
			filters.append("count(*) filter (where ")
				.append(group.getValue().replace("x.", "t.").replace(DUE.replace("x.", "t."), "t.due"))
				.append("), ");
		}
		String sql = """
				select p.id, %s count(*) filter (where t.state = 'NEW'), count(t.due),
				       (select count(*) from (select 1 from tasks y
				         where y.executor_id = p.id and y.deleted_at is null and y.state = 'DONE' and y.done_at >= :since
				         limit :bound) d)
				  from unnest(cast(:people as bigint[])) as p(id)
				  left join lateral (
				    select %s as due, x.due_at, x.state from tasks x where %s limit :bound
				  ) t on true
				 group by p.id
				"""
			.formatted(filters, DUE, OPEN);
		Bounds bounds = Bounds.of(today(now), now);
		RecordListQuery.planForTheValues(jdbc);
		bounds.bind(jdbc.sql(sql), now)
			.param("people", people.toArray(Long[]::new))
			.param("bound", COUNTED_UP_TO)
			.query((ResultSet rs) -> {
				Map<MyTasksGroup, Long> byGroup = new EnumMap<>(MyTasksGroup.class);
				int column = 2;
				for (MyTasksGroup group : CONDITIONS.keySet()) {
					byGroup.put(group, rs.getLong(column++));
				}
				long attention = rs.getLong(column++);
				long open = rs.getLong(column++);
				byGroup.put(MyTasksGroup.DONE, rs.getLong(column));
				counts.put(rs.getLong(1),
						new MyTasksCounts(rs.getLong(1), "", byGroup, attention, open >= COUNTED_UP_TO));
			});
		return counts;
	}

	/**
	 * The first rows of every group for these people, in one statement: per group and
	 * person an index range, merged in deadline order.
	 */
	private Map<MyTasksGroup, List<MyTasksRow>> rows(List<Long> people, Instant now) {
		Map<MyTasksGroup, List<MyTasksRow>> rows = new EnumMap<>(MyTasksGroup.class);
		for (MyTasksGroup group : MyTasksGroup.values()) {
			rows.put(group, new ArrayList<>());
		}
		if (people.isEmpty()) {
			return rows;
		}
		List<String> parts = new ArrayList<>();
		for (MyTasksGroup group : MyTasksGroup.values()) {
			parts.add(part(group, false));
		}
		Bounds bounds = Bounds.of(today(now), now);
		RecordListQuery.planForTheValues(jdbc);
		List<RawRow> raw = bounds.bind(jdbc.sql(String.join(" union all ", parts)), now)
			.param("people", people.toArray(Long[]::new))
			.param("rows", ROWS)
			.query(MyTasks::raw)
			.list();
		List<MyTasksRow> named = named(raw);
		for (int i = 0; i < raw.size(); i++) {
			rows.get(raw.get(i).group()).add(named.get(i));
		}
		return rows;
	}

	/**
	 * The next rows of one group of one person's tasks (or of everyone the reader sees,
	 * {@code person} null), after the {@link MyTasksRow#cursor()} of the last row shown.
	 */
	@Transactional(readOnly = true)
	public MyTasksMore more(@Nullable Long person, MyTasksGroup group, String after, CurrentUser reader, Instant now) {
		List<Long> people;
		if (person == null) {
			people = people(reader).stream().map(UserSummary::id).toList();
		}
		else {
			if (person != reader.id() && !scopes.of(reader.id()).covers(person)) {
				throw new RecordNotFound("User", person);
			}
			people = List.of(person);
		}
		Cursor cursor = Cursor.decode(after);
		if (people.isEmpty()) {
			return new MyTasksMore(List.of(), null);
		}
		Bounds bounds = Bounds.of(today(now), now);
		RecordListQuery.planForTheValues(jdbc);
		List<RawRow> raw = bounds.bind(jdbc.sql(part(group, true)), now)
			.param("people", people.toArray(Long[]::new))
			.param("rows", MORE + 1)
			.param("afterDay", cursor.day())
			.param("afterAt", cursor.at().atOffset(ZoneOffset.UTC))
			.param("afterId", cursor.id())
			.query(MyTasks::raw)
			.list();
		List<MyTasksRow> rows = named(raw.subList(0, Math.min(MORE, raw.size())));
		return new MyTasksMore(rows, raw.size() > MORE ? rows.get(rows.size() - 1).cursor() : null);
	}

	private static final String COLUMNS = "x.id, x.version, x.title, x.kind, x.state, x.priority, x.due_on, x.due_at, "
			+ "x.client_id, x.deal_id, x.executor_id, x.done_at";

	/**
	 * One group's rows of the people, at most {@code :rows}, in the group's order; with
	 * {@code after}, those after the cursor ({@code :afterDay}, {@code :afterAt},
	 * {@code :afterId}) in that order.
	 */
	private static String part(MyTasksGroup group, boolean after) {
		if (group == MyTasksGroup.DONE) {
			return """
					(select 'DONE' as grp, r.* from unnest(cast(:people as bigint[])) as p(id)
					   cross join lateral (select %s, %s as sort_day from tasks x
					                        where x.executor_id = p.id and x.deleted_at is null and x.state = 'DONE'
					                          and x.done_at >= :since %s
					                        order by x.done_at desc, x.id desc limit :rows) r
					  order by r.done_at desc, r.id desc limit :rows)
					""".formatted(COLUMNS, DUE, after ? "and (x.done_at, x.id) < (:afterAt, :afterId)" : "");
		}
		boolean today = group == MyTasksGroup.TODAY;
		String order = today ? DUE + ", x.due_at nulls first, x.id" : DUE + ", x.id";
		String from = "";
		if (after) {
			from = today ? "and (coalesce(x.due_at, " + NO_TIME + "), x.id) > (:afterAt, :afterId)"
					: "and (" + DUE + ", x.id) > (:afterDay, :afterId)";
		}
		return """
				(select '%1$s' as grp, r.* from unnest(cast(:people as bigint[])) as p(id)
				   cross join lateral (select %2$s, %3$s as sort_day from tasks x where %4$s and %5$s %8$s
				                        order by %6$s limit :rows) r
				  order by r.sort_day, %7$s r.id limit :rows)
				""".formatted(group.name(), COLUMNS, DUE, OPEN, CONDITIONS.get(group), order,
				today ? "r.due_at nulls first," : "", from);
	}

	/** What stands for "no time" in the order of today's tasks (before any time). */
	private static final String NO_TIME = "timestamptz '1970-01-01 00:00:00+00'";

	private record RawRow(MyTasksGroup group, long id, long version, String title, TaskKind kind, TaskState state,
			TaskPriority priority, @Nullable LocalDate dueOn, @Nullable Instant dueAt, @Nullable Long clientId,
			@Nullable Long dealId, long executorId, @Nullable Instant doneAt) {

		String cursor() {
			Instant at = group == MyTasksGroup.DONE ? doneAt : dueAt;
			return new Cursor(dueOn == null ? LocalDate.of(9999, 12, 31) : dueOn, at == null ? Instant.EPOCH : at, id)
				.encode();
		}

	}

	private static RawRow raw(ResultSet rs, int n) throws SQLException {
		return new RawRow(MyTasksGroup.valueOf(rs.getString("grp")), rs.getLong("id"), rs.getLong("version"),
				rs.getString("title"), TaskKind.valueOf(rs.getString("kind")), TaskState.valueOf(rs.getString("state")),
				TaskPriority.valueOf(rs.getString("priority")), rs.getObject("due_on", LocalDate.class),
				instant(rs, "due_at"), rs.getObject("client_id", Long.class), rs.getObject("deal_id", Long.class),
				rs.getLong("executor_id"), instant(rs, "done_at"));
	}

	/** The rows with their clients', deals' and executors' names. */
	private List<MyTasksRow> named(List<RawRow> raw) {
		Set<Long> clientIds = new HashSet<>();
		Set<Long> dealIds = new HashSet<>();
		Set<Long> executors = new HashSet<>();
		for (RawRow row : raw) {
			if (row.clientId() != null) {
				clientIds.add(row.clientId());
			}
			if (row.dealId() != null) {
				dealIds.add(row.dealId());
			}
			executors.add(row.executorId());
		}
		Map<Long, String> clientNames = names.clients(clientIds);
		Map<Long, String> dealSubjects = deals.subjects(dealIds);
		Map<Long, String> executorNames = users.names(executors);
		List<MyTasksRow> rows = new ArrayList<>(raw.size());
		for (RawRow row : raw) {
			rows.add(new MyTasksRow(row.id(), row.version(), "/tasks/" + row.id(), row.title(), row.kind(), row.state(),
					row.priority(), row.dueOn(),
					row.dueAt() == null ? null : row.dueAt().atZone(TaskStore.ZONE).toLocalTime(),
					row.clientId() == null ? null : clientNames.get(row.clientId()),
					row.dealId() == null ? null : dealSubjects.get(row.dealId()), row.executorId(),
					executorNames.getOrDefault(row.executorId(), "?"), null, row.state() == TaskState.NEW,
					row.cursor()));
		}
		return rows;
	}

	/**
	 * Where a group's page ended: the deadline day, the time (today's: the deadline's,
	 * done: when it was done; the epoch for none) and the id of its last row.
	 */
	private record Cursor(LocalDate day, Instant at, long id) {

		String encode() {
			return day + "_" + at.getEpochSecond() + "_" + at.getNano() + "_" + id;
		}

		static Cursor decode(String text) {
			try {
				String[] parts = text.split("_", 4);
				return new Cursor(LocalDate.parse(parts[0]),
						Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
						Long.parseLong(parts[3]));
			}
			catch (RuntimeException ex) {
				throw new RuleViolation("after", "list.cursor-invalid");
			}
		}

	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

}
