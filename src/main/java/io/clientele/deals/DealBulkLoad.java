package io.clientele.deals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import io.clientele.shared.db.BulkForeignKeys;
import io.clientele.shared.db.BulkIndexes;
import io.clientele.shared.db.BulkTransaction;
import io.clientele.shared.db.CopyWriter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes generated deals, their lines, stays in stages and ticked checklist items
 * straight into a base without deals with {@code COPY}: how the benchmark data sets (two
 * million deals) are loaded in minutes. The rows must already be valid (the generator
 * makes them so); no history is written for them.
 *
 * <p>
 * One transaction: the secondary indexes and the foreign keys of the four tables are
 * dropped, the closing counters' trigger switched off, the rows copied, the counters
 * computed afresh in one statement ({@code deal_counts_rebuild()}), and everything put
 * back, which checks every reference in one join per key. A load that fails leaves the
 * base as it was. Then the tables are vacuumed: the lists', board's and funnel's
 * index-only scans need the visibility map, which a load leaves empty (autovacuum would
 * fill it at some later moment, in the middle of a benchmark).
 */
@Service
public class DealBulkLoad {

	private static final Logger log = LoggerFactory.getLogger(DealBulkLoad.class);

	private static final List<String> TABLES = List.of("deals", "deal_lines", "deal_stage_visits", "deal_checks");

	private final DataSource dataSource;

	DealBulkLoad(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * A generated deal. A closed deal's last stay ends with its state; its probability is
	 * 100 when won and 0 when lost.
	 *
	 * @param stays every stay in a stage, in order; only an open deal's last one lasts
	 * @param ticks the checklist items ticked on it
	 */
	public record DealRow(long clientId, @Nullable Long contactId, String subject, @Nullable String kind,
			long scenarioId, long stageId, DealState state, @Nullable Long lossReasonId, @Nullable String lossNote,
			BigDecimal amount, int probability, @Nullable LocalDate expectedClose, @Nullable String channel,
			long responsibleId, List<Long> coExecutorIds, Instant createdAt, Instant updatedAt,
			@Nullable Instant closedAt, List<DealLine> lines, List<Stay> stays, List<Tick> ticks) {

		public Stay lastStay() {
			return stays.get(stays.size() - 1);
		}

	}

	/**
	 * A stay in a stage.
	 *
	 * @param leftAt null while it lasts
	 * @param nextStageId the stage the deal moved on to; null when it lasts or when the
	 * deal closed in it
	 */
	public record Stay(long stageId, Instant enteredAt, @Nullable Instant leftAt, @Nullable Long nextStageId) {
	}

	/** A checklist item ticked on a deal by its responsible manager. */
	public record Tick(long itemId, Instant at) {
	}

	/**
	 * Writes {@code count} deals, each made by {@code deal} from its position (four
	 * times: once per table), refused when there are deals already.
	 * @return the id of the first deal; the others follow in order
	 */
	public long load(int count, IntFunction<DealRow> deal) throws SQLException {
		List<String> vacuumed = new java.util.ArrayList<>(TABLES);
		vacuumed.addAll(List.of("deal_funnel_passes", "deal_funnel_closings", "deal_win_rates"));
		return BulkTransaction.run(dataSource, vacuumed, connection -> load(connection, count, deal));
	}

	private long load(Connection connection, int count, IntFunction<DealRow> deal) throws SQLException {
		try (var statement = connection.createStatement()) {
			try (var any = statement.executeQuery("select exists (select 1 from deals)")) {
				any.next();
				if (any.getBoolean(1)) {
					throw new IllegalStateException("There are deals already; generated deals load only into none");
				}
			}
			BulkIndexes indexes = new BulkIndexes(connection, TABLES);
			BulkForeignKeys keys = new BulkForeignKeys(connection, TABLES);
			indexes.drop();
			keys.drop();
			statement.execute("alter table deals disable trigger user");
			// The counters' aggregations and the references' checks hash millions of
			// rows.
			statement.execute("set local work_mem = '256MB'");
			long first;
			try (var next = statement.executeQuery("select nextval(pg_get_serial_sequence('deals', 'id'))")) {
				next.next();
				first = next.getLong(1);
			}
			Copy copy = new Copy(connection, count, deal, first);
			log.info("Writing the deals");
			copy.deals();
			log.info("Writing their lines");
			copy.lines();
			log.info("Writing their stays in stages");
			copy.stays();
			log.info("Writing their ticked checklist items");
			copy.checks();
			statement.execute("select setval(pg_get_serial_sequence('deals', 'id'), " + (first + count - 1) + ")");
			log.info("Counting the closed deals for the funnel");
			statement.execute("select deal_counts_rebuild()");
			statement.execute("alter table deals enable trigger user");
			log.info("Checking the references and building the indexes");
			keys.create();
			indexes.create();
			return first;
		}
	}

	/**
	 * The live deals by client, for generating what refers to a client's deals: client
	 * ids ascending, each with its deals' ids ascending.
	 */
	public ClientDeals byClient() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.setFetchSize(100_000);
				long count;
				try (var rows = statement.executeQuery("select count(*) from deals where deleted_at is null")) {
					rows.next();
					count = rows.getLong(1);
				}
				long[] clients = new long[Math.toIntExact(count)];
				long[] deals = new long[clients.length];
				int i = 0;
				try (var rows = statement
					.executeQuery("select client_id, id from deals where deleted_at is null order by client_id, id")) {
					while (rows.next() && i < clients.length) {
						clients[i] = rows.getLong(1);
						deals[i++] = rows.getLong(2);
					}
				}
				connection.commit();
				return new ClientDeals(java.util.Arrays.copyOf(clients, i), java.util.Arrays.copyOf(deals, i));
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
	}

	/** Deal ids by client id, as two parallel arrays sorted by client then deal. */
	public record ClientDeals(long[] clientIds, long[] dealIds) {

		/** How many deals the client has. */
		public int count(long clientId) {
			return first(clientId + 1) - first(clientId);
		}

		/** The client's {@code n}th deal (from 0, below {@link #count}). */
		public long deal(long clientId, int n) {
			return dealIds[first(clientId) + n];
		}

		/** The position of the client's first deal, or where it would be. */
		private int first(long clientId) {
			int low = 0;
			int high = clientIds.length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (clientIds[middle] < clientId) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			return low;
		}

	}

	/** The four passes over the generated deals, one per table. */
	private record Copy(Connection connection, int count, IntFunction<DealRow> deal, long first) {

		void deals() throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection, """
					deals (id, client_id, contact_id, subject, kind, scenario_id, stage_id, mode, state, loss_reason_id,
					 loss_note, amount, currency, probability, expected_close, channel, responsible_id, co_executor_ids,
					 stage_entered_at, closed_at, created_at, created_by, updated_at)""")) {
				for (int i = 0; i < count; i++) {
					progress("deals", i);
					DealRow row = deal.apply(i);
					copy.value(first + i)
						.value(row.clientId())
						.value(row.contactId())
						.value(row.subject())
						.value(row.kind())
						.value(row.scenarioId())
						.value(row.stageId())
						.value(DealMode.MANUAL_STAGES)
						.value(row.state())
						.value(row.lossReasonId())
						.value(row.lossNote())
						.value(row.amount())
						.value("RUB")
						.value(row.probability())
						.value(row.expectedClose())
						.value(row.channel())
						.value(row.responsibleId())
						.array(row.coExecutorIds())
						.value(row.lastStay().enteredAt())
						.value(row.closedAt())
						.value(row.createdAt())
						.value(row.responsibleId())
						.value(row.updatedAt());
					copy.endRow();
				}
			}
		}

		void lines() throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection,
					"deal_lines (deal_id, position, product, quantity, price, discount)")) {
				for (int i = 0; i < count; i++) {
					List<DealLine> lines = deal.apply(i).lines();
					for (int position = 0; position < lines.size(); position++) {
						DealLine line = lines.get(position);
						copy.value(first + i)
							.value(position)
							.value(line.product())
							.value(line.quantity())
							.value(line.price())
							.value(line.discount());
						copy.endRow();
					}
				}
			}
		}

		void stays() throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection,
					"""
							deal_stage_visits (deal_id, scenario_id, stage_id, entered_at, entered_by, left_at, left_by, outcome,
							 next_stage_id)""")) {
				for (int i = 0; i < count; i++) {
					DealRow row = deal.apply(i);
					for (Stay stay : row.stays()) {
						copy.value(first + i)
							.value(row.scenarioId())
							.value(stay.stageId())
							.value(stay.enteredAt())
							.value(row.responsibleId())
							.value(stay.leftAt())
							.value(stay.leftAt() == null ? null : row.responsibleId())
							.value(stay.leftAt() == null ? null
									: stay.nextStageId() != null ? "MOVED" : row.state().name())
							.value(stay.nextStageId());
						copy.endRow();
					}
				}
			}
		}

		void checks() throws SQLException {
			try (CopyWriter copy = new CopyWriter(connection, "deal_checks (deal_id, item_id, ticked_by, ticked_at)")) {
				for (int i = 0; i < count; i++) {
					DealRow row = deal.apply(i);
					for (Tick tick : row.ticks()) {
						copy.value(first + i).value(tick.itemId()).value(row.responsibleId()).value(tick.at());
						copy.endRow();
					}
				}
			}
		}

		private static void progress(String what, int done) {
			if (done > 0 && done % 200_000 == 0) {
				log.info("{}: {}", what, done);
			}
		}

	}

}
