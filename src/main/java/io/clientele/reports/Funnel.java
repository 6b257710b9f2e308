package io.clientele.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.clientele.deals.SalesScenario;
import org.jspecify.annotations.Nullable;

/**
 * The sales funnel of one scenario: where the open deals stand now, and how the deals
 * closed in the period went through the stages.
 *
 * @param open every stage, in order, with the deals in work in it
 * @param closed every stage, in order, with what the closed deals did in it
 * @param closedDeals how many deals were closed in the period
 * @param won how many of them were won
 * @param losses where and why the lost ones were lost, most first
 */
public record Funnel(SalesScenario scenario, FunnelFilter filter, List<OpenStage> open, List<ClosedStage> closed,
		long closedDeals, long won, List<Loss> losses) {

	/** Won of closed, in percent; null when nothing was closed. */
	public @Nullable BigDecimal overallConversion() {
		return percent(won, closedDeals);
	}

	public long lost() {
		return closedDeals - won;
	}

	public long openDeals() {
		return open.stream().mapToLong(OpenStage::deals).sum();
	}

	/** {@code part} of {@code whole} in percent to one decimal; null of nothing. */
	static @Nullable BigDecimal percent(long part, long whole) {
		return whole == 0 ? null
				: BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	/** What the deals in one currency add up to. */
	public record Money(String currency, BigDecimal amount, BigDecimal weighted) {
	}

	/**
	 * The deals in work in a stage now.
	 *
	 * @param amounts per currency, the most used first
	 * @param averageDays how long they have stood in it, on average; null when none
	 */
	public record OpenStage(long stageId, String name, long deals, List<Money> amounts,
			@Nullable BigDecimal averageDays) {
	}

	/**
	 * What the deals closed in the period did in a stage.
	 *
	 * @param entered how many stood in it at some time
	 * @param wentOn how many of those left it forwards or were won in it
	 * @param lostHere how many were lost while standing in it
	 * @param reached entered of all closed deals, in percent
	 */
	public record ClosedStage(long stageId, String name, long entered, long wentOn, long lostHere,
			@Nullable BigDecimal reached) {

		/** Went on of entered, in percent: the stage's conversion to what follows. */
		public @Nullable BigDecimal conversion() {
			return percent(wentOn, entered);
		}

	}

	/** Deals lost in a stage for a reason. */
	public record Loss(long stageId, String stageName, long reasonId, String reason, long deals) {
	}

}
