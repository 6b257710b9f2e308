package io.clientele.reports;

import java.time.LocalDate;

import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * Which deals a funnel counts: those of a scenario, of a manager (responsible) or of a
 * department's people, always within what the reader may see. The open part is the deals
 * in work now; the closed part is the deals closed from {@code from} to {@code to}, both
 * days included, in the installation's time zone.
 */
public record FunnelFilter(long scenarioId, LocalDate from, LocalDate to, @Nullable Long managerId,
		@Nullable Long departmentId) {

	/**
	 * The longest period a funnel covers, so that a typo does not ask for ten centuries.
	 */
	public static final int LONGEST_YEARS = 20;

	/**
	 * The period a funnel covers when none is given: the last three months up to today.
	 */
	public static final int DEFAULT_MONTHS = 3;

	public FunnelFilter {
		if (to.isBefore(from)) {
			throw new RuleViolation("to", "funnel.period-invalid");
		}
		if (from.plusYears(LONGEST_YEARS).isBefore(to)) {
			throw new RuleViolation("from", "funnel.period-too-long");
		}
	}

	/**
	 * The filter a reader asked for, the gaps filled as the funnel page fills them: the
	 * first scenario, the period ending today and starting {@link #DEFAULT_MONTHS} months
	 * before its end.
	 */
	public static FunnelFilter of(long firstScenarioId, @Nullable Long scenarioId, @Nullable LocalDate from,
			@Nullable LocalDate to, @Nullable Long managerId, @Nullable Long departmentId, LocalDate today) {
		LocalDate until = to != null ? to : today;
		return new FunnelFilter(scenarioId != null ? scenarioId : firstScenarioId,
				from != null ? from : until.minusMonths(DEFAULT_MONTHS), until, managerId, departmentId);
	}

}
