package io.clientele.activities.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TimelineEntry;
import io.clientele.activities.TimelineSource;
import io.clientele.activities.TimelineSubject;
import io.clientele.activities.TimelineWindow;
import io.clientele.audit.HistoryEntry;
import io.clientele.audit.RecordHistory;
import io.clientele.clients.ClientService;
import io.clientele.clients.Merging;
import io.clientele.deals.DealService;
import io.clientele.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The record's own changes (the audit history) in its timeline: a client's with those of
 * the clients merged into it, a deal's.
 */
@Component
class HistoryTimeline implements TimelineSource {

	static final String KEY = "history";

	static final String KIND = "CHANGE";

	private final RecordHistory history;

	private final Merging merging;

	HistoryTimeline(RecordHistory history, Merging merging) {
		this.history = history;
		this.merging = merging;
	}

	/**
	 * A history entry as a line of the timeline.
	 *
	 * @param historyOf the record whose timeline it is
	 * @param absorbed the names of the records merged into it, by id
	 */
	record Item(HistoryEntry entry, long historyOf, Map<Long, String> absorbed) {

		/** The entry as the history fragment takes entries. */
		public List<HistoryEntry> entries() {
			return List.of(entry);
		}

	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public int order() {
		return 1000;
	}

	@Override
	public List<String> kinds() {
		return List.of(KIND);
	}

	@Override
	public List<TimelineEntry> entries(TimelineSubject subject, TimelineWindow window, CurrentUser reader) {
		String type = subject.client() ? ClientService.RECORD_TYPE : DealService.RECORD_TYPE;
		Map<Long, String> absorbed = subject.client() ? merging.absorbed(type, subject.id()) : Map.of();
		List<Long> ids = new ArrayList<>(List.of(subject.id()));
		ids.addAll(absorbed.keySet());
		var before = window.upTo();
		return history
			.before(type, ids, before == null ? null : before.at(), before == null ? 0 : before.id(), window.limit())
			.stream()
			.filter(entry -> window.from() == null || !entry.at().isBefore(window.from()))
			.map(entry -> new TimelineEntry(KEY, entry.id(), entry.at(), KIND, "activities/timeline", "change",
					new Item(entry, subject.id(), absorbed)))
			.toList();
	}

}
