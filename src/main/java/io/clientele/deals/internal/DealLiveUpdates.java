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

	@Override
	public String name() {
		return TOPIC;
	}

	private record Seen(long scenarioId, long stageId, String state, long responsibleId, List<Long> coExecutorIds) {
	}

	@Override
	public Map<Long, LiveEvent> recipients(String payload, Set<Long> connected) {
		long id;
		try {
			id = Long.parseLong(payload);
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
		LiveEvent event = new LiveEvent(TOPIC, "{\"deal\":%d,\"scenario\":%d,\"stage\":%d,\"state\":\"%s\"}"
			.formatted(id, seen.scenarioId(), seen.stageId(), seen.state()));
		Map<Long, LiveEvent> recipients = new HashMap<>();
		for (Map.Entry<Long, AccessScope> reader : scopes.of(connected).entrySet()) {
			if (new DealVisibility(reader.getValue()).covers(seen.responsibleId(), seen.coExecutorIds())) {
				recipients.put(reader.getKey(), event);
			}
		}
		return recipients;
	}

}
