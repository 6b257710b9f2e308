package io.clientele.deals.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.deals.DealService;
import io.clientele.deals.DealStageChanged;
import io.clientele.deals.DealVisibility;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.live.LiveEvent;
import io.clientele.shared.live.LiveEvents;
import io.clientele.shared.live.LiveTopic;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the boards of every node that a deal changed: moved, won, lost, reopened, edited,
 * created, deleted or restored. The notification is the deal's id, sent in the changing
 * transaction (so on commit only, and once per deal however many events the change
 * raised). On each node the users connected there who may see the deal now (its
 * responsible manager or a co-executor in their access scope) get its scenario, stage and
 * state; a board re-fetches the columns it touches through its access-checked pages.
 *
 * <p>
 * A change that takes the deal away from some viewers (another responsible manager,
 * co-executors removed) names its previous people too: those who could see the deal
 * before and cannot now get {@code {deal, gone: true}}, which tells their pages to drop
 * it, and nothing more.
 */
@Component
class DealLiveUpdates implements LiveTopic {

	static final String TOPIC = "deal";

	private final LiveEvents live;

	private final JdbcClient jdbc;

	private final AccessScopes scopes;

	DealLiveUpdates(LiveEvents live, JdbcClient jdbc, AccessScopes scopes) {
		this.live = live;
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@EventListener
	void on(DealStageChanged changed) {
		live.publish(TOPIC, Long.toString(changed.dealId()));
	}

	@EventListener
	void on(RecordChanged changed) {
		if (DealService.RECORD_TYPE.equals(changed.recordType())) {
			live.publish(TOPIC, Long.toString(changed.recordId()));
		}
	}

	/**
	 * The deal's responsible manager and co-executors are about to change from these: its
	 * previous viewers who lose sight of it will be told it has gone.
	 */
	void ownersChanging(long dealId, long previousResponsible, List<Long> previousCoExecutors) {
		StringBuilder payload = new StringBuilder().append(dealId).append(';').append(previousResponsible);
		previousCoExecutors.forEach(id -> payload.append(',').append(id));
		live.publish(TOPIC, payload.toString());
	}

	@Override
	public String name() {
		return TOPIC;
	}

	private record Seen(long scenarioId, long stageId, String state, long responsibleId, List<Long> coExecutorIds) {
	}

	@Override
	public Map<Long, LiveEvent> recipients(String payload, Set<Long> connected) {
		long id;
		List<Long> before = new java.util.ArrayList<>();
		try {
			String[] parts = payload.split(";", 2);
			id = Long.parseLong(parts[0]);
			if (parts.length > 1) {
				for (String person : parts[1].split(",")) {
					before.add(Long.parseLong(person));
				}
			}
		}
		catch (NumberFormatException ex) {
			return Map.of();
		}
		var deal = jdbc.sql("""
				select scenario_id, stage_id, case when deleted_at is null then state else 'DELETED' end,
				       responsible_id, co_executor_ids
				  from deals where id = ?
				""").param(id).query((rs, n) -> {
			List<Long> coExecutors = new java.util.ArrayList<>();
			for (Object coExecutor : (Object[]) rs.getArray(5).getArray()) {
				coExecutors.add(((Number) coExecutor).longValue());
			}
			return new Seen(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), coExecutors);
		}).optional();
		if (deal.isEmpty()) {
			return Map.of();
		}
		Seen seen = deal.get();
		Map<Long, LiveEvent> recipients = new HashMap<>();
		if (!before.isEmpty()) {
			// those who see it now hear of the change through its plain notification
			LiveEvent gone = new LiveEvent(TOPIC, "{\"deal\":%d,\"gone\":true}".formatted(id));
			for (Map.Entry<Long, AccessScope> reader : scopes.of(connected).entrySet()) {
				DealVisibility visibility = new DealVisibility(reader.getValue());
				if (visibility.covers(before.get(0), before.subList(1, before.size()))
						&& !visibility.covers(seen.responsibleId(), seen.coExecutorIds())) {
					recipients.put(reader.getKey(), gone);
				}
			}
			return recipients;
		}
		LiveEvent event = new LiveEvent(TOPIC, "{\"deal\":%d,\"scenario\":%d,\"stage\":%d,\"state\":\"%s\"}"
			.formatted(id, seen.scenarioId(), seen.stageId(), seen.state()));
		for (Map.Entry<Long, AccessScope> reader : scopes.of(connected).entrySet()) {
			if (new DealVisibility(reader.getValue()).covers(seen.responsibleId(), seen.coExecutorIds())) {
				recipients.put(reader.getKey(), event);
			}
		}
		return recipients;
	}

}
