package io.clientele.activities.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.clientele.activities.TimelineEntry;
import io.clientele.activities.TimelineSource;
import io.clientele.activities.TimelineSubject;
import io.clientele.activities.TimelineWindow;
import io.clientele.deals.DealStageChanges;
import io.clientele.deals.DealStageChanges.StageChange;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Deals entering stages, in the deal's timeline and, for the deals the reader may see, in
 * their client's.
 */
@Component
class StageTimeline implements TimelineSource {

	static final String KEY = "stages";

	static final String KIND = "STAGE";

	private final DealStageChanges changes;

	private final UserDirectory users;

	StageTimeline(DealStageChanges changes, UserDirectory users) {
		this.changes = changes;
		this.users = users;
	}

	/** A stage change as a line of the timeline; {@code byName} null for the system. */
	record Item(StageChange change, @Nullable String byName, boolean showDeal) {
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public List<String> kinds() {
		return List.of(KIND);
	}

	@Override
	public List<TimelineEntry> entries(TimelineSubject subject, TimelineWindow window, CurrentUser reader) {
		var before = window.upTo();
		List<StageChange> found = subject.client()
				? changes.ofClient(subject.id(), before == null ? null : before.at(),
						before == null ? null : before.id(), window.limit(), reader)
				: changes.ofDeal(subject.id(), before == null ? null : before.at(), before == null ? null : before.id(),
						window.limit());
		Set<Long> people = new HashSet<>();
		found.stream().map(StageChange::byId).filter(Objects::nonNull).forEach(people::add);
		Map<Long, String> names = people.isEmpty() ? Map.of() : users.names(people);
		return found.stream()
			.filter(change -> window.from() == null || !change.at().isBefore(window.from()))
			.map(change -> new TimelineEntry(KEY, change.id(), change.at(), KIND, "activities/timeline", "stage",
					new Item(change, change.byId() == null ? null : names.get(change.byId()), subject.client())))
			.toList();
	}

}
