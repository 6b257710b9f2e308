package io.clientele.deals.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.clientele.clients.ClientService;
import io.clientele.clients.ContactService;
import io.clientele.clients.MergeUndone;
import io.clientele.clients.RecordNames;
import io.clientele.clients.RecordsMerged;
import io.clientele.deals.DealService;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A merge of clients (or contact persons) moves the merged record's deals to the
 * survivor, in the merge's transaction (decision 4), and keeps what it moved under the
 * merge's id; undoing the merge moves them back, unless someone pointed a deal elsewhere
 * since.
 */
@Component
class DealMergeMoves {

	private final JdbcClient jdbc;

	private final RecordNames names;

	private final ApplicationEventPublisher events;

	DealMergeMoves(JdbcClient jdbc, RecordNames names, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.names = names;
		this.events = events;
	}

	@EventListener
	void merged(RecordsMerged merge) {
		boolean clients = ClientService.RECORD_TYPE.equals(merge.recordType());
		if (!clients && !ContactService.RECORD_TYPE.equals(merge.recordType())) {
			return;
		}
		String column = clients ? "client_id" : "contact_id";
		List<Long> moved = jdbc.sql("""
				with moving as (
				  insert into deal_merge_moves (merge_id, deal_id, from_client_id, from_contact_id)
				  select :merge, d.id, d.client_id, d.contact_id from deals d where d.%1$s = :merged
				  returning deal_id
				)
				update deals d set %1$s = :survivor, updated_at = :at, version = version + 1
				  from moving m where d.id = m.deal_id
				returning d.id
				""".formatted(column))
			.param("merge", merge.mergeId())
			.param("merged", merge.mergedId())
			.param("survivor", merge.survivorId())
			.param("at", Timestamp.from(merge.at()))
			.query(Long.class)
			.list();
		history(moved, clients, merge.mergedId(), merge.survivorId(), merge.actorId(), merge.at());
	}

	@EventListener
	void undone(MergeUndone undo) {
		boolean clients = ClientService.RECORD_TYPE.equals(undo.recordType());
		if (!clients && !ContactService.RECORD_TYPE.equals(undo.recordType())) {
			return;
		}
		String column = clients ? "client_id" : "contact_id";
		List<Long> moved = jdbc.sql("""
				update deals d set %1$s = m.from_%1$s, updated_at = :at, version = version + 1
				  from deal_merge_moves m
				 where m.merge_id = :merge and d.id = m.deal_id and d.%1$s = :survivor
				returning d.id
				""".formatted(column))
			.param("merge", undo.mergeId())
			.param("survivor", undo.survivorId())
			.param("at", Timestamp.from(undo.at()))
			.query(Long.class)
			.list();
		jdbc.sql("delete from deal_merge_moves where merge_id = ?").param(undo.mergeId()).update();
		history(moved, clients, undo.survivorId(), undo.mergedId(), undo.actorId(), undo.at());
	}

	private void history(List<Long> deals, boolean clients, long from, long to,
			@org.jspecify.annotations.Nullable Long actorId, java.time.Instant at) {
		if (deals.isEmpty()) {
			return;
		}
		Map<Long, String> named = clients ? names.clients(List.of(from, to)) : names.contacts(List.of(from, to));
		FieldChange change = FieldChange.of(clients ? "deal.field.client" : "deal.field.contact", named.get(from),
				named.get(to));
		for (long deal : deals) {
			events.publishEvent(new RecordChanged(DealService.RECORD_TYPE, deal, RecordChanged.Action.UPDATED,
					List.of(change), actorId, at));
		}
	}

}
