package io.clientele.deals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
 * When deals entered their stages, newest first, for timelines: a deal's own, or those of
 * a client's deals that the reader may see. Keyset pages on {@code (entered_at, id)}.
 */
@Service
public class DealStageChanges {

	private final JdbcClient jdbc;

	private final DealStore store;

	DealStageChanges(JdbcClient jdbc, DealStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/**
	 * A deal entered a stage.
	 *
	 * @param id the stay's id
	 * @param byId who moved it there (who opened the deal, for its first stage), or null
	 */
	public record StageChange(long id, long dealId, String dealSubject, long stageId, String stageName, Instant at,
			@Nullable Long byId) {
	}

	private static final String SELECT = """
			select v.id, v.deal_id, d.subject, v.stage_id, s.name, v.entered_at, v.entered_by
			  from deal_stage_visits v
			  join deals d on d.id = v.deal_id
			  join sales_stages s on s.id = v.stage_id
			""";

	/**
	 * The deal's stage changes older than {@code (beforeAt, beforeId)}; the caller has
	 * checked that the reader may see the deal. One range of
	 * {@code deal_stage_visits_deal_idx}.
	 */
	@Transactional(readOnly = true)
	public List<StageChange> ofDeal(long dealId, @Nullable Instant beforeAt, @Nullable Long beforeId, int limit) {
		return jdbc
			.sql(SELECT + " where v.deal_id = :deal" + keyset(beforeAt)
					+ " order by v.entered_at desc, v.id desc limit :limit")
			.param("deal", dealId)
			.param("at", beforeAt == null ? null : beforeAt.atOffset(ZoneOffset.UTC))
			.param("id", beforeId == null ? 0L : beforeId)
			.param("limit", limit)
			.query(DealStageChanges::row)
			.list();
	}

	/**
	 * The stage changes of the client's live deals that the reader may see, older than
	 * {@code (beforeAt, beforeId)}: the client's deals from {@code deals_client_idx},
	 * their stays from {@code deal_stage_visits_deal_idx} (a client has a handful of
	 * deals).
	 */
	@Transactional(readOnly = true)
	public List<StageChange> ofClient(long clientId, @Nullable Instant beforeAt, @Nullable Long beforeId, int limit,
			CurrentUser reader) {
		DealVisibility visibility = store.visibility(reader.id());
		return visibility
			.bind(jdbc.sql(
					SELECT + " where d.client_id = :client and d.deleted_at is null and " + visibility.sqlCondition("d")
							+ keyset(beforeAt) + " order by v.entered_at desc, v.id desc limit :limit"))
			.param("client", clientId)
			.param("at", beforeAt == null ? null : beforeAt.atOffset(ZoneOffset.UTC))
			.param("id", beforeId == null ? 0L : beforeId)
			.param("limit", limit)
			.query(DealStageChanges::row)
			.list();
	}

	private static String keyset(@Nullable Instant beforeAt) {
		return beforeAt == null ? "" : " and (v.entered_at, v.id) < (:at, :id)";
	}

	private static StageChange row(ResultSet rs, int n) throws SQLException {
		long by = rs.getLong(7);
		return new StageChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class).toInstant(), rs.wasNull() ? null : by);
	}

}
