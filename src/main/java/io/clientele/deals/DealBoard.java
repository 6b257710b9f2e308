package io.clientele.deals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.clientele.clients.RecordNames;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deal board ("My sales"): the open deals of one scenario in columns by stage, each
 * column with its first cards by expected close date and the count, amount and weighted
 * amount of all its deals. Only the deals the reader may see, narrowed by manager,
 * department and period.
 * <p>
 * A column shows at most {@link #MAX_CARDS} cards, {@link #PAGE} more at a time; its
 * count and sums are added up in SQL from at most {@link #COUNT_UP_TO} deals (one bounded
 * scan per column). A column with more shows "more than" and no sums rather than make the
 * board wait on a count of the whole base.
 */
@Service
public class DealBoard {

	/** Cards a column shows at first, and how many "show more" adds. */
	public static final int PAGE = 50;

	public static final int MAX_CARDS = 500;

	/** A column counts and sums at most this many deals. */
	public static final int COUNT_UP_TO = 20_000;

	private final JdbcClient jdbc;

	private final DealStore store;

	private final RecordNames names;

	private final UserDirectory users;

	private final Clock clock;

	private final ZoneId zone = ZoneId.systemDefault();

	DealBoard(JdbcClient jdbc, DealStore store, RecordNames names, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.names = names;
		this.users = users;
		this.clock = clock;
	}

	/** Which date the period filter applies to. */
	public enum Period {

		EXPECTED, CREATED

	}

	/**
	 * What the board shows besides what the reader may see.
	 *
	 * @param managerId deals this user is responsible for or co-executes
	 * @param departmentId deals whose responsible manager or a co-executor is in this
	 * department or one below it
	 * @param from first day of the period, or open
	 * @param to last day of the period, or open
	 */
	public record Filter(@Nullable Long managerId, @Nullable Long departmentId, Period period, @Nullable LocalDate from,
			@Nullable LocalDate to) {

		public static final Filter NONE = new Filter(null, null, Period.EXPECTED, null, null);

	}

	/**
	 * A deal on the board.
	 *
	 * @param overdue its expected close date has passed
	 * @param stalled it has stayed in its stage longer than the stage allows
	 */
	public record Card(long id, long version, String subject, long clientId, String clientName, BigDecimal amount,
			String currency, int probability, @Nullable LocalDate expectedClose, long daysInStage, boolean overdue,
			boolean stalled, DealMode mode) {
	}

	/** The deals of a column in one currency. */
	public record Total(String currency, BigDecimal amount, BigDecimal weighted) {
	}

	/**
	 * A stage's column.
	 *
	 * @param count how many deals it holds; at most {@link #COUNT_UP_TO} when
	 * {@code bounded}
	 * @param bounded there are more than {@link #COUNT_UP_TO}; the totals are left out
	 * @param limit how many cards were asked for
	 */
	public record Column(Stage stage, long count, boolean bounded, List<Total> totals, List<Card> cards, int limit) {

		/** Whether the column holds deals beyond the cards shown. */
		public boolean more() {
			return bounded || count > cards.size();
		}

		/** How many cards "show more" asks for, or 0 when no more may be shown. */
		public int nextLimit() {
			return more() && limit < MAX_CARDS ? Math.min(limit + PAGE, MAX_CARDS) : 0;
		}

	}

	/**
	 * The columns of the given stages of the scenario, in the order given.
	 * @param limit cards per column, from 1 to {@link #MAX_CARDS}
	 */
	@Transactional(readOnly = true)
	public List<Column> columns(SalesScenario scenario, List<Stage> stages, Filter filter, int limit,
			CurrentUser reader) {
		int cards = Math.max(1, Math.min(limit, MAX_CARDS));
		if (stages.isEmpty()) {
			return List.of();
		}
		DealVisibility visibility = store.visibility(reader.id());
		RecordListQuery.planForTheValues(jdbc);
		Long[] stageIds = stages.stream().map(Stage::id).toArray(Long[]::new);
		Map<Long, List<Row>> rows = new LinkedHashMap<>();
		Map<Long, List<Total>> totals = new LinkedHashMap<>();
		Map<Long, Long> counts = new LinkedHashMap<>();
		boolean overall = onePerson(visibility, filter);
		String cardsSql = overall ? """
				select x.* from (
				  select d.stage_id as stage, d.id, d.version, d.subject, d.client_id, d.amount, d.currency,
				         d.probability, d.expected_close, d.stage_entered_at, d.mode,
				         row_number() over (partition by d.stage_id order by d.expected_close, d.id) as place
				    from deals d
				   where %s) x
				 where x.place <= :limit
				 order by x.stage, x.place
				""" : """
				select s.id as stage, x.*
				  from unnest(cast(:stages as bigint[])) as s (id)
				  cross join lateral (
				    select d.id, d.version, d.subject, d.client_id, d.amount, d.currency, d.probability,
				           d.expected_close, d.stage_entered_at, d.mode
				      from deals d
				     where %s
				     order by d.expected_close, d.id
				     limit :limit) x
				""";
		bind(jdbc.sql(cardsSql.formatted(where(visibility, filter, overall))), visibility, filter, scenario.id(),
				stageIds)
			.param("limit", cards)
			.query(rs -> {
				rows.computeIfAbsent(rs.getLong("stage"), id -> new ArrayList<>()).add(row(rs));
			});
		String totalsSql = overall ? """
				select b.stage_id as stage, b.currency, count(*) as deals, sum(b.amount) as amount,
				       round(sum(b.amount * b.probability) / 100.0, 2) as weighted
				  from (select d.stage_id, d.currency, d.amount, d.probability
				          from deals d
				         where %s
				         limit :bound) b
				 group by b.stage_id, b.currency
				 order by count(*) desc, b.currency
				""" : """
				select s.id as stage, t.currency, t.deals, t.amount, t.weighted
				  from unnest(cast(:stages as bigint[])) as s (id)
				  cross join lateral (
				    select b.currency, count(*) as deals, sum(b.amount) as amount,
				           round(sum(b.amount * b.probability) / 100.0, 2) as weighted
				      from (select d.currency, d.amount, d.probability
				              from deals d
				             where %s
				             limit :bound) b
				     group by b.currency
				     order by count(*) desc, b.currency) t
				""";
		bind(jdbc.sql(totalsSql.formatted(where(visibility, filter, overall))), visibility, filter, scenario.id(),
				stageIds)
			.param("bound", COUNT_UP_TO + 1)
			.query(rs -> {
				long stage = rs.getLong("stage");
				counts.merge(stage, rs.getLong("deals"), Long::sum);
				totals.computeIfAbsent(stage, id -> new ArrayList<>())
					.add(new Total(rs.getString("currency"), rs.getBigDecimal("amount"), rs.getBigDecimal("weighted")));
			});
		if (overall && counts.values().stream().mapToLong(Long::longValue).sum() > COUNT_UP_TO) {
			// one person with more open deals than a column may add up: say so in every
			// column
			counts.replaceAll((stage, count) -> COUNT_UP_TO + 1L);
		}
		Set<Long> clientIds = new HashSet<>();
		rows.values().forEach(list -> list.forEach(row -> clientIds.add(row.clientId)));
		Map<Long, String> clientNames = names.clients(clientIds);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<Column> columns = new ArrayList<>();
		for (Stage stage : stages) {
			long count = counts.getOrDefault(stage.id(), 0L);
			boolean bounded = count > COUNT_UP_TO;
			List<Card> stageCards = rows.getOrDefault(stage.id(), List.of())
				.stream()
				.map(row -> row.card(stage, clientNames, now, today))
				.toList();
			columns.add(new Column(stage, bounded ? COUNT_UP_TO : count, bounded,
					bounded ? List.of() : totals.getOrDefault(stage.id(), List.of()), stageCards, cards));
		}
		return columns;
	}

	/** The scenario the user last chose on the board. */
	@Transactional(readOnly = true)
	public Optional<Long> chosenScenario(long userId) {
		return jdbc.sql("select scenario_id from deal_board_choices where user_id = ?")
			.param(userId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Remembers the scenario the user chose, for their next visit. Most views of the
	 * board name the scenario already remembered: then nothing is written, so the view
	 * commits no transaction id (no WAL flush) and takes no lock on the user's row, which
	 * their other requests would wait for. A plain read first; the upsert only on a
	 * change.
	 */
	@Transactional
	public void choose(long userId, long scenarioId) {
		if (chosenScenario(userId).filter(chosen -> chosen == scenarioId).isPresent()) {
			return;
		}
		jdbc.sql("""
				insert into deal_board_choices (user_id, scenario_id) values (?, ?)
				on conflict (user_id) do update set scenario_id = excluded.scenario_id
				 where deal_board_choices.scenario_id <> excluded.scenario_id
				""").params(userId, scenarioId).update();
	}

	/**
	 * Whether the board shows one person's deals (a manager's own, or the one a head
	 * picked): a few hundred, read once for all columns. Otherwise each column is read on
	 * its own, bounded, from {@code deals_board_idx} (everyone's) or the responsible and
	 * co-executor indexes (a department's).
	 */
	private static boolean onePerson(DealVisibility visibility, Filter filter) {
		return filter.managerId() != null || visibility.scope().kind() == io.clientele.identity.AccessScope.Kind.OWN;
	}

	private String where(DealVisibility visibility, Filter filter, boolean overall) {
		StringBuilder where = new StringBuilder("d.scenario_id = :scenario and d.stage_id = ")
			.append(overall ? "any(cast(:stages as bigint[]))" : "s.id")
			.append(" and d.state = 'IN_WORK' and d.deleted_at is null and ")
			.append(visibility.sqlCondition("d"));
		if (filter.managerId() != null) {
			where.append(" and (d.responsible_id = :manager or d.co_executor_ids && :managerArray)");
		}
		if (filter.departmentId() != null) {
			where.append(" and (d.responsible_id = any(:members) or d.co_executor_ids && :members)");
		}
		String column = filter.period() == Period.CREATED ? "d.created_at" : "d.expected_close";
		if (filter.from() != null) {
			where.append(" and ").append(column).append(" >= :from");
		}
		if (filter.to() != null) {
			where.append(" and ").append(column).append(filter.period() == Period.CREATED ? " < :to" : " <= :to");
		}
		return where.toString();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, DealVisibility visibility, Filter filter,
			long scenarioId, Long[] stageIds) {
		JdbcClient.StatementSpec bound = visibility.bind(statement)
			.param("scenario", scenarioId)
			.param("stages", stageIds);
		if (filter.managerId() != null) {
			bound = bound.param("manager", filter.managerId()).param("managerArray", new Long[] { filter.managerId() });
		}
		if (filter.departmentId() != null) {
			bound = bound.param("members", users.inDepartmentTree(filter.departmentId()).toArray(Long[]::new));
		}
		if (filter.from() != null) {
			bound = bound.param("from", filter.period() == Period.CREATED ? start(filter.from()) : filter.from());
		}
		if (filter.to() != null) {
			bound = bound.param("to", filter.period() == Period.CREATED ? start(filter.to().plusDays(1)) : filter.to());
		}
		return bound;
	}

	private OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(zone).toOffsetDateTime();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("version"), rs.getString("subject"), rs.getLong("client_id"),
				rs.getBigDecimal("amount"), rs.getString("currency"), rs.getInt("probability"),
				rs.getObject("expected_close", LocalDate.class),
				rs.getObject("stage_entered_at", OffsetDateTime.class).toInstant(),
				DealMode.valueOf(rs.getString("mode")));
	}

	private record Row(long id, long version, String subject, long clientId, BigDecimal amount, String currency,
			int probability, @Nullable LocalDate expectedClose, Instant enteredAt, DealMode mode) {

		Card card(Stage stage, Map<Long, String> clientNames, Instant now, LocalDate today) {
			long days = Duration.between(enteredAt, now).toDays();
			return new Card(id, version, subject, clientId, clientNames.getOrDefault(clientId, "#" + clientId), amount,
					currency, probability, expectedClose, days, expectedClose != null && expectedClose.isBefore(today),
					stage.maxDays() != null && days > stage.maxDays(), mode);
		}

	}

	/** The stages of a scenario a board shows: those in use, in order. */
	public static List<Stage> columnsOf(SalesScenario scenario, @Nullable Collection<Long> only) {
		return scenario.activeStages().stream().filter(stage -> only == null || only.contains(stage.id())).toList();
	}

}
