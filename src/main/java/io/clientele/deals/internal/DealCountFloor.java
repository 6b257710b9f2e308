package io.clientele.deals.internal;

import java.util.Set;

import io.clientele.deals.DealState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A cheap lower bound of the number of live deals in some states, from the counters the
 * database keeps: the open deals' counters ({@code deal_open_counts}, exact), and for the
 * closed ones, per scenario, the most won (lost) deals that reached any one stage
 * ({@code deal_win_rates} of the whole scenario: each closed deal counts once in every
 * stage it reached, so no stage counts more deals than the scenario has). A few thousand
 * counter rows instead of the deals themselves.
 */
@Component
public class DealCountFloor {

	private final JdbcClient jdbc;

	DealCountFloor(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * At least how many live deals (not in the recycle bin) are in one of these states.
	 */
	public long atLeast(Set<DealState> states) {
		return jdbc.sql("""
				select (select coalesce(sum(deals), 0) from deal_open_counts where :open)
				     + (select coalesce(sum(reached), 0)
				          from (select max(case when :won then won else 0 end
				                           + case when :lost then closed - won else 0 end) as reached
				                  from deal_win_rates where basis = 'scenario'
				                 group by scenario_id) s) as at_least
				""")
			.param("open", states.contains(DealState.IN_WORK))
			.param("won", states.contains(DealState.WON))
			.param("lost", states.contains(DealState.LOST))
			.query(Long.class)
			.single();
	}

}
