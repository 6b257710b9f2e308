package io.clientele.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clientele.deals.DealVisibility;
import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenario.Stage;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sales funnel of a scenario for a reader: only the deals they may see (a manager
 * their own and those they co-execute, a head their department tree's, an administrator
 * all), narrowed to a manager or a department.
 *
 * <p>
 * Three statements on the views the deals module publishes: the open deals by stage (for
 * a reader who sees every deal, the counters the deals module keeps per scenario, stage,
 * manager and currency, {@code published_deal_open_counts}: a few thousand rows whatever
 * the number of deals; otherwise the reader's own from {@code published_deals}); how the
 * deals closed in the period passed the stages, and how they closed. For the whole base
 * (an administrator without a manager or department filter) the last two add up the
 * closing counters the deals module keeps per hour ({@code published_deal_funnel_passes},
 * {@code published_deal_funnel_closings}: a few thousand rows a year, whatever the number
 * of deals). Otherwise they read the reader's closed deals ({@code deals_responsible_idx}
 * and the co-executors' GIN index for a manager, {@code deals_closed_funnel_idx} for a
 * wider scope) and their stays, index-only from {@code deal_stage_visits_deal_idx}:
 * counters cannot say who co-executed a deal. The plans and figures are in
 * docs/decisions/0008.
 */
@Service
public class SalesFunnel {

	private final JdbcClient jdbc;

	private final SalesScenarios scenarios;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final Clock clock;

	SalesFunnel(JdbcClient jdbc, SalesScenarios scenarios, AccessScopes scopes, UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.scenarios = scenarios;
		this.scopes = scopes;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Funnel of(FunnelFilter filter, CurrentUser reader) {
		SalesScenario scenario = scenarios.scenario(filter.scenarioId());
		Deals deals = new Deals(filter, new DealVisibility(scopes.of(reader.id())), filter.departmentId() == null ? null
				: users.inDepartmentTree(filter.departmentId()).toArray(Long[]::new));
		ZoneId zone = ZoneId.systemDefault();
		OffsetDateTime from = filter.from().atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime to = filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime();

		Map<Long, OpenFigures> open = new HashMap<>();
		deals.bind(jdbc.sql(deals.everyVisible()
				? """
						select o.stage_id, o.currency, sum(o.deals) as deals, sum(o.amount) as amount,
						       round(sum(o.weighted) / 100.0, 2) as weighted,
						       (sum(o.deals) * extract(epoch from cast(:now as timestamptz)) - sum(o.entered_epochs)) / 86400.0 as days
						  from published_deal_open_counts o
						 where %s
						 group by o.stage_id, o.currency
						having sum(o.deals) > 0
						"""
					.formatted(deals.countersWhere())
				: """
						select d.stage_id, d.currency, count(*), sum(d.amount), round(sum(d.amount * d.probability) / 100.0, 2),
						       sum(extract(epoch from (:now - d.stage_entered_at))) / 86400.0
						  from published_deals d
						 where d.state = 'IN_WORK' and %s
						 group by d.stage_id, d.currency
						"""
					.formatted(deals.where())))
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(rs -> {
				OpenFigures figures = open.computeIfAbsent(rs.getLong(1), id -> new OpenFigures());
				figures.deals += rs.getLong(3);
				figures.days = figures.days.add(rs.getBigDecimal(6));
				figures.amounts.add(new Funnel.Money(rs.getString(2), rs.getBigDecimal(4), rs.getBigDecimal(5)));
			});

		boolean counted = deals.whole() && from.getMinute() == 0 && to.getMinute() == 0;
		Map<Long, long[]> passed = new HashMap<>();
		deals.bind(jdbc.sql(counted ? """
				select v.stage_id, sum(v.entered), sum(v.went_on)
				  from published_deal_funnel_passes v
				 where v.scenario_id = :scenario and v.closed_hour >= :from and v.closed_hour < :to
				 group by v.stage_id
				""" : """
				select v.stage_id, count(*), count(*) filter (where v.went_on)
				  from (select v.deal_id, v.stage_id, bool_or(v.went_on) as went_on
				          from published_deals d
				          join published_deal_stage_visits v on v.deal_id = d.id
				         where d.closed_at >= :from and d.closed_at < :to and %s
				         group by v.deal_id, v.stage_id) v
				 group by v.stage_id
				""".formatted(deals.where()))).param("from", from).param("to", to).query(rs -> {
			passed.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
		});

		Map<Long, String> reasons = new HashMap<>();
		scenarios.lossReasons().forEach(reason -> reasons.put(reason.id(), reason.name()));
		Map<Long, String> stageNames = new HashMap<>();
		scenario.stages().forEach(stage -> stageNames.put(stage.id(), stage.name()));
		long[] closed = { 0, 0 };
		Map<Long, Long> lostIn = new HashMap<>();
		List<Funnel.Loss> losses = new ArrayList<>();
		deals.bind(jdbc.sql(counted ? """
				select c.state, c.stage_id, c.loss_reason_id, sum(c.deals)
				  from published_deal_funnel_closings c
				 where c.scenario_id = :scenario and c.closed_hour >= :from and c.closed_hour < :to
				 group by c.state, c.stage_id, c.loss_reason_id
				""" : """
				select d.state, d.stage_id, d.loss_reason_id, count(*)
				  from published_deals d
				 where d.closed_at >= :from and d.closed_at < :to and %s
				 group by d.state, d.stage_id, d.loss_reason_id
				""".formatted(deals.where()))).param("from", from).param("to", to).query(rs -> {
			long count = rs.getLong(4);
			if (count == 0) {
				return;
			}
			closed[0] += count;
			if ("WON".equals(rs.getString(1))) {
				closed[1] += count;
				return;
			}
			long stage = rs.getLong(2);
			long reason = rs.getLong(3);
			lostIn.merge(stage, count, Long::sum);
			losses.add(new Funnel.Loss(stage, stageNames.getOrDefault(stage, "#" + stage), reason,
					reasons.getOrDefault(reason, "#" + reason), count));
		});
		losses.sort(Comparator.comparingLong(Funnel.Loss::deals).reversed().thenComparing(Funnel.Loss::stageName));

		List<Funnel.OpenStage> openStages = new ArrayList<>();
		List<Funnel.ClosedStage> closedStages = new ArrayList<>();
		for (Stage stage : scenario.stages()) {
			OpenFigures now = open.get(stage.id());
			long[] went = passed.get(stage.id());
			if (!stage.active() && now == null && went == null) {
				continue;
			}
			openStages.add(now == null ? new Funnel.OpenStage(stage.id(), stage.name(), 0, List.of(), null)
					: now.stage(stage));
			long entered = went == null ? 0 : went[0];
			closedStages.add(new Funnel.ClosedStage(stage.id(), stage.name(), entered, went == null ? 0 : went[1],
					lostIn.getOrDefault(stage.id(), 0L), Funnel.percent(entered, closed[0])));
		}
		return new Funnel(scenario, filter, openStages, closedStages, closed[0], closed[1], losses);
	}

	/** The open deals of one stage as they are added up, currency by currency. */
	private static final class OpenFigures {

		long deals;

		BigDecimal days = BigDecimal.ZERO;

		final List<Funnel.Money> amounts = new ArrayList<>();

		Funnel.OpenStage stage(Stage stage) {
			amounts.sort(Comparator.comparing(Funnel.Money::amount).reversed());
			return new Funnel.OpenStage(stage.id(), stage.name(), deals, List.copyOf(amounts),
					days.divide(BigDecimal.valueOf(deals), 1, RoundingMode.HALF_UP));
		}

	}

	/**
	 * The condition every statement of the funnel puts on {@code published_deals d}: the
	 * scenario, the reader's visibility, the manager and the department.
	 *
	 * @param department the people of the department's tree; null for no such filter
	 */
	private record Deals(FunnelFilter filter, DealVisibility visibility, Long @Nullable [] department) {

		/**
		 * Whether every deal of the scenario counts: then the closing counters answer
		 * instead of the closed deals' stays.
		 */
		boolean whole() {
			return visibility.scope().coversEverything() && filter.managerId() == null && department == null;
		}

		/**
		 * Whether the reader sees every deal: then the open deals' counters answer, per
		 * manager (and so per department); they cannot say who co-executes a deal.
		 */
		boolean everyVisible() {
			return visibility.scope().coversEverything();
		}

		/**
		 * The scenario, manager and department on {@code published_deal_open_counts o}.
		 */
		String countersWhere() {
			return "o.scenario_id = :scenario" + (filter.managerId() == null ? "" : " and o.responsible_id = :manager")
					+ (department == null ? "" : " and o.responsible_id = any(:department)");
		}

		String where() {
			return "d.scenario_id = :scenario and " + visibility.sqlCondition("d")
					+ (filter.managerId() == null ? "" : " and d.responsible_id = :manager")
					+ (department == null ? "" : " and d.responsible_id = any(:department)");
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = visibility.bind(statement).param("scenario", filter.scenarioId());
			if (filter.managerId() != null) {
				bound = bound.param("manager", filter.managerId());
			}
			return department == null ? bound : bound.param("department", department);
		}

	}

}
