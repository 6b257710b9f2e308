package io.clientele.reports.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.clientele.deals.SalesScenario;
import io.clientele.deals.SalesScenarios;
import io.clientele.identity.CurrentUser;
import io.clientele.reports.Funnel;
import io.clientele.reports.FunnelFilter;
import io.clientele.reports.SalesFunnel;
import io.clientele.shared.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sales funnel through the API: the figures of the funnel page, with its filters and
 * within the caller's access (a manager's own deals, a head's department tree, an
 * administrator's everything).
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports")
class FunnelApi {

	private final SalesFunnel funnel;

	private final SalesScenarios scenarios;

	private final Clock clock;

	FunnelApi(SalesFunnel funnel, SalesScenarios scenarios, Clock clock) {
		this.funnel = funnel;
		this.scenarios = scenarios;
		this.clock = clock;
	}

	/**
	 * A funnel as the API returns it.
	 *
	 * @param overallConversion won of closed, in percent; null when nothing was closed
	 */
	record FunnelJson(long scenarioId, String scenarioName, LocalDate from, LocalDate to, @Nullable Long managerId,
			@Nullable Long departmentId, long openDeals, List<OpenStage> open, long closedDeals, long won, long lost,
			@Nullable BigDecimal overallConversion, List<ClosedStage> closed, List<Loss> losses) {

		static FunnelJson of(Funnel funnel) {
			FunnelFilter filter = funnel.filter();
			return new FunnelJson(funnel.scenario().id(), funnel.scenario().name(), filter.from(), filter.to(),
					filter.managerId(), filter.departmentId(), funnel.openDeals(),
					funnel.open()
						.stream()
						.map(s -> new OpenStage(s.stageId(), s.name(), s.deals(), s.amounts(), s.averageDays()))
						.toList(),
					funnel.closedDeals(), funnel.won(), funnel.lost(), funnel.overallConversion(),
					funnel.closed()
						.stream()
						.map(s -> new ClosedStage(s.stageId(), s.name(), s.entered(), s.wentOn(), s.lostHere(),
								s.conversion(), s.reached()))
						.toList(),
					funnel.losses()
						.stream()
						.map(l -> new Loss(l.stageId(), l.stageName(), l.reasonId(), l.reason(), l.deals()))
						.toList());
		}

	}

	/**
	 * @param amounts amount and weighted amount per currency, the most used first
	 * @param averageDays days in the stage on average; null when no deal stands in it
	 */
	record OpenStage(long stageId, String name, long deals, List<Funnel.Money> amounts,
			@Nullable BigDecimal averageDays) {
	}

	/**
	 * @param conversion went on of entered, in percent; null when none entered
	 * @param reached entered of all closed deals, in percent
	 */
	record ClosedStage(long stageId, String name, long entered, long wentOn, long lostHere,
			@Nullable BigDecimal conversion, @Nullable BigDecimal reached) {
	}

	record Loss(long stageId, String stageName, long reasonId, String reason, long deals) {
	}

	@GetMapping("/funnel")
	@Operation(summary = "The sales funnel of a scenario",
			description = "The same figures and filters as the funnel page, counting only the deals the caller may "
					+ "see. `open`: the deals in work now, per stage (count, amount and weighted amount per currency, "
					+ "average days in the stage). `closed`: the deals closed (won or lost) from `from` to `to`, both "
					+ "days included, in the installation's time zone: per stage how many entered it, how many went "
					+ "on (left forwards or were won there), the conversion, how many were lost there; `losses` by "
					+ "stage and reason. By default the first scenario and the last " + FunnelFilter.DEFAULT_MONTHS
					+ " months up to today.")
	FunnelJson funnel(@Parameter(description = "scenario id") @RequestParam(required = false) @Nullable Long scenario,
			@Parameter(description = "first day of the period, yyyy-MM-dd") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@Parameter(description = "last day of the period, yyyy-MM-dd") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@Parameter(description = "only the deals of this responsible manager") @RequestParam(
					required = false) @Nullable Long manager,
			@Parameter(
					description = "only the deals of this department's people, its sub-departments included") @RequestParam(
							required = false) @Nullable Long department,
			@AuthenticationPrincipal CurrentUser user) {
		List<SalesScenario> all = scenarios.all();
		if (all.isEmpty()) {
			throw new RuleViolation("scenario", "deal.scenario-none");
		}
		FunnelFilter filter = FunnelFilter.of(all.get(0).id(), scenario, from, to, manager, department,
				LocalDate.now(clock.withZone(ZoneId.systemDefault())));
		return FunnelJson.of(funnel.of(filter, user));
	}

}
