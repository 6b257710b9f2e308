package io.clientele.audit.internal;

import java.time.ZoneOffset;

import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link RecordChanged} into the history, in the transaction of the change
 * itself: both commit or neither does, so a change is never lost and never recorded
 * without having happened, and a write costs one commit (see
 * docs/decisions/0002-history-in-the-changing-transaction.md). An entry names the absent
 * user a deputy acted for ({@link ActedFor}).
 */
@Component
class HistoryRecorder {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ActedFor actedFor;

	HistoryRecorder(JdbcClient jdbc, JsonMapper json, ActedFor actedFor) {
		this.jdbc = jdbc;
		this.json = json;
		this.actedFor = actedFor;
	}

	@EventListener
	void on(RecordChanged event) {
		jdbc.sql("""
				insert into record_history (record_type, record_id, action, actor_id, acted_for, at, changes)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
				""")
			.params(event.recordType(), event.recordId(), event.action().name(), event.actorId(), actedFor.of(event),
					event.at().atOffset(ZoneOffset.UTC), json.writeValueAsString(event.changes()))
			.update();
	}

	@EventListener
	void on(RecordsChanged event) {
		jdbc.sql("insert into record_history (record_type, record_id, action, actor_id, at, changes)"
				+ " select ?, id, ?, ?, ?, cast(? as jsonb) from " + event.table() + " where " + event.column()
				+ " = ?")
			.params(event.recordType(), event.action().name(), event.actorId(), event.at().atOffset(ZoneOffset.UTC),
					json.writeValueAsString(event.changes()), event.value())
			.update();
	}

}
