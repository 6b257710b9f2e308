package io.clientele.deals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.clientele.deals.ProbabilityEstimate.Basis;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Estimates a deal's probability from the deals closed before it: the share won of those
 * that reached its current stage, from the narrowest basis with enough of them — the same
 * client, else the same manager, else the same kind of deal — and otherwise from the
 * whole scenario.
 *
 * <p>
 * The counts come from {@code deal_win_rates}, which the database keeps as deals close
 * and reopen (migration {@code …1310}, docs/decisions/0008): four primary-key lookups per
 * card, however many deals were ever closed.
 */
@Service
public class ProbabilityEstimates {

	/**
	 * Closed deals a client, manager or kind needs before its own share is trusted: below
	 * twenty, one deal more or less moves the share by five points or more, and the
	 * scenario's wider figure tells more.
	 */
	public static final int ENOUGH = 20;

	private static final List<Basis> NARROWEST_FIRST = List.of(Basis.CLIENT, Basis.MANAGER, Basis.KIND);

	private final JdbcClient jdbc;

	ProbabilityEstimates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The estimate for an open deal as it stands; empty for a closed deal or when no deal
	 * that reached its stage was ever closed.
	 */
	@Transactional(readOnly = true)
	public Optional<ProbabilityEstimate> of(DealCard deal) {
		if (!deal.state().open()) {
			return Optional.empty();
		}
		return estimate(deal.scenarioId(), deal.stageId(), deal.clientId(), deal.responsibleId(), deal.kind());
	}

	/** The estimate for a deal of this client, manager and kind standing in the stage. */
	@Transactional(readOnly = true)
	public Optional<ProbabilityEstimate> estimate(long scenarioId, long stageId, long clientId, long managerId,
			@Nullable String kind) {
		String kindKey = kind == null || kind.isBlank() ? "" : kind.strip().toLowerCase(Locale.ROOT);
		Map<Basis, long[]> counts = new EnumMap<>(Basis.class);
		jdbc.sql(
				"""
						select basis, closed, won from deal_win_rates
						 where scenario_id = :scenario and stage_id = :stage
						   and (basis, basis_key) in (('scenario', ''), ('client', :client), ('manager', :manager), ('kind', :kind))
						""")
			.param("scenario", scenarioId)
			.param("stage", stageId)
			.param("client", String.valueOf(clientId))
			.param("manager", String.valueOf(managerId))
			.param("kind", kindKey)
			.query(rs -> {
				counts.put(Basis.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
						new long[] { rs.getLong(2), rs.getLong(3) });
			});
		for (Basis basis : NARROWEST_FIRST) {
			long[] figures = counts.get(basis);
			if (figures != null && figures[0] >= ENOUGH) {
				return Optional.of(estimate(basis, figures));
			}
		}
		long[] scenario = counts.get(Basis.SCENARIO);
		return scenario == null || scenario[0] <= 0 ? Optional.empty()
				: Optional.of(estimate(Basis.SCENARIO, scenario));
	}

	private static ProbabilityEstimate estimate(Basis basis, long[] figures) {
		int percent = BigDecimal.valueOf(figures[1] * 100)
			.divide(BigDecimal.valueOf(figures[0]), 0, RoundingMode.HALF_UP)
			.intValueExact();
		return new ProbabilityEstimate(percent, basis, figures[0], figures[1]);
	}

}
