package io.clientele.deals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Short lists of deals for other pages: a client's deals on its card, a user's open and
 * stalled deals on the start page. Each within what the reader may see.
 */
@Service
public class DealQueries {

	/** How many deals a short list shows at most. */
	public static final int SHORT = 20;

	private final JdbcClient jdbc;

	private final DealStore store;

	private final Clock clock;

	DealQueries(JdbcClient jdbc, DealStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * A deal in a short list.
	 *
	 * @param stalled whether it has stayed in its stage longer than the stage allows
	 */
	public record Row(long id, String subject, String clientName, String stageName, DealState state, BigDecimal amount,
			String currency, int probability, @Nullable LocalDate expectedClose, long daysInStage, boolean stalled) {
	}

	private static final String SELECT = """
			select d.id, d.subject, c.name as client_name, st.name as stage_name, d.state, d.amount, d.currency,
			       d.probability, d.expected_close, d.stage_entered_at,
			       st.max_days is not null and d.state = 'IN_WORK'
			           and d.stage_entered_at < :now - make_interval(days => st.max_days) as stalled
			  from deals d
			  join clients c on c.id = d.client_id
			  join sales_stages st on st.id = d.stage_id
			""";

	/** The client's deals the reader may see: open ones first, newest first. */
	@Transactional(readOnly = true)
	public List<Row> ofClient(long clientId, CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		return visibility
			.bind(jdbc.sql(
					SELECT + " where d.client_id = :client and d.deleted_at is null and " + visibility.sqlCondition("d")
							+ " order by d.state = 'IN_WORK' desc, d.created_at desc, d.id desc" + " limit " + SHORT))
			.param("client", clientId)
			.param("now", now())
			.query(this::row)
			.list();
	}

	/**
	 * The reader's own open deals (responsible or co-executor), the stalled ones first,
	 * then by expected close date. A manager has a few hundred open deals at most; the
	 * plan reads them from {@code deals_responsible_idx} and the co-executors' GIN index.
	 */
	@Transactional(readOnly = true)
	public List<Row> openOf(CurrentUser reader) {
		return jdbc.sql(SELECT + """
				 where d.deleted_at is null and d.state = 'IN_WORK'
				   and (d.responsible_id = :user or d.co_executor_ids && array[:user]::bigint[])
				 order by stalled desc, d.expected_close nulls last, d.id
				 limit %d
				""".formatted(SHORT)).param("user", reader.id()).param("now", now()).query(this::row).list();
	}

	/**
	 * The subjects of these deals, for showing what another record points at (a task's
	 * deal); like {@code RecordNames}, no access check: the caller shows only records it
	 * may show.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> subjects(java.util.Collection<Long> ids) {
		java.util.Map<Long, String> subjects = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return subjects;
		}
		jdbc.sql("select id, subject from deals where id = any(?)").param(ids.toArray(Long[]::new)).query(rs -> {
			subjects.put(rs.getLong(1), rs.getString(2));
		});
		return subjects;
	}

	/**
	 * A live deal's facts for the system, whoever may see it; empty when deleted or none.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<DealFacts> facts(long dealId) {
		return jdbc.sql("""
				select id, subject, client_id, scenario_id, stage_id, mode, state, responsible_id, co_executor_ids
				  from deals where id = ? and deleted_at is null
				""")
			.param(dealId)
			.query((rs, n) -> new DealFacts(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					DealMode.valueOf(rs.getString(6)), DealState.valueOf(rs.getString(7)), rs.getLong(8),
					List.of((Long[]) rs.getArray(9).getArray())))
			.optional();
	}

	/**
	 * Which of these live deals the user may see: one statement over the deals' primary
	 * key, for another module's list of records that point at deals (process tasks).
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> visibleAmong(java.util.Collection<Long> dealIds, long userId) {
		if (dealIds.isEmpty()) {
			return java.util.Set.of();
		}
		DealVisibility visibility = store.visibility(userId);
		return java.util.Set.copyOf(visibility
			.bind(jdbc.sql("select d.id from deals d where d.id = any(:ids) and d.deleted_at is null and "
					+ visibility.sqlCondition("d")))
			.param("ids", dealIds.toArray(Long[]::new))
			.query(Long.class)
			.list());
	}

	/** The client a deal is about, whether the reader may see the deal or not. */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> clientOf(long dealId) {
		return jdbc.sql("select client_id from deals where id = ? and deleted_at is null")
			.param(dealId)
			.query(Long.class)
			.optional();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Instant entered = rs.getObject("stage_entered_at", OffsetDateTime.class).toInstant();
		return new Row(rs.getLong("id"), rs.getString("subject"), rs.getString("client_name"),
				rs.getString("stage_name"), DealState.valueOf(rs.getString("state")), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getInt("probability"), rs.getObject("expected_close", LocalDate.class),
				java.time.Duration.between(entered, clock.instant()).toDays(), rs.getBoolean("stalled"));
	}

}
