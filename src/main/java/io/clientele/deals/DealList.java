package io.clientele.deals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.deals.internal.DealColumns;
import io.clientele.deals.internal.DealCountFloor;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.shared.lists.RecordQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deal list of a signed-in user: only the deals they may see, filtered, sorted and
 * paged by keyset, with the totals of the filtered deals.
 */
@Service
public class DealList {

	/**
	 * Totals add up at most this many deals. A manager's or a department's deals are far
	 * fewer, and their sums are index-only scans of {@code deals_responsible_idx}; a list
	 * of the whole base beyond the bound shows no totals rather than make every page
	 * wait. Whether the whole base (filtered by state at most) is beyond the bound is
	 * told by the counters first ({@link DealCountFloor}), so that such a list does not
	 * add up 20,001 deals only to throw the sums away.
	 */
	public static final int TOTALS_UP_TO = 20_000;

	private final RecordListQuery query;

	private final DealColumns columns;

	private final DealStore store;

	private final DealCountFloor floor;

	private final JdbcClient jdbc;

	DealList(RecordListQuery query, DealColumns columns, DealStore store, DealCountFloor floor, JdbcClient jdbc) {
		this.query = query;
		this.jdbc = jdbc;
		this.columns = columns;
		this.store = store;
		this.floor = floor;
	}

	@Transactional(readOnly = true)
	public RecordListPage page(RecordQuery request, CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		RecordListQuery.planForTheValues(jdbc);
		return query.page(columns.source(), request, visibility.sqlCondition("c"), visibility.sqlBranches("c"),
				visibility::bind);
	}

	@Transactional(readOnly = true)
	public RecordListQuery.Slice slice(RecordQuery request, @Nullable String after, int size, CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		return query.slice(columns.source(), request, visibility.sqlCondition("c"), visibility.sqlBranches("c"),
				visibility::bind, after, size);
	}

	/**
	 * The sums of the amounts and weighted amounts of every deal the list shows (all its
	 * pages), per currency.
	 * @return null when more than {@link #TOTALS_UP_TO} deals match
	 */
	@Transactional(readOnly = true)
	public @Nullable List<Total> totals(RecordQuery request, CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		Set<DealState> states = visibility.scope().coversEverything() ? statesOnly(request) : null;
		if (states != null && floor.atLeast(states) > TOTALS_UP_TO) {
			return null;
		}
		RecordListQuery.planForTheValues(jdbc);
		return query.summarise(columns.source(), request, visibility.sqlCondition("c"), visibility::bind,
				"c.currency, c.amount, c.probability",
				"count(*), c.currency, sum(c.amount), round(sum(c.amount * c.probability) / 100.0, 2)", "c.currency",
				TOTALS_UP_TO,
				(rs, n) -> new Total(rs.getString(2), rs.getLong(1), rs.getBigDecimal(3), rs.getBigDecimal(4)));
	}

	/**
	 * The states the list is narrowed to when it is narrowed by nothing else (all states
	 * for no filter), or null: then only adding the deals up tells how many they are.
	 */
	private static @Nullable Set<DealState> statesOnly(RecordQuery request) {
		if (request.text() != null && !request.text().isBlank()) {
			return null;
		}
		Set<DealState> states = EnumSet.allOf(DealState.class);
		for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
			List<String> values = filter.getValue().stream().filter(value -> !value.isBlank()).toList();
			if (values.isEmpty()) {
				continue;
			}
			if (!filter.getKey().equals("state")) {
				return null;
			}
			states = EnumSet.noneOf(DealState.class);
			for (String value : values) {
				if (Arrays.stream(DealState.values()).noneMatch(state -> state.name().equals(value))) {
					return null;
				}
				states.add(DealState.valueOf(value));
			}
		}
		return states;
	}

	/**
	 * The deals of one currency in a list: how many, their amount and weighted amount.
	 */
	public record Total(String currency, long count, BigDecimal amount, BigDecimal weighted) {
	}

}
