package io.clientele.activities;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.clientele.clients.ClientService;
import io.clientele.deals.DealService;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's or a deal's timeline: the entries of every {@link TimelineSource} as one
 * stream, newest first, for a reader who may see the client (the deal). A page asks each
 * source for one entry more than it shows, from the cursor on, and keeps the newest: a
 * few short index ranges, however long the history.
 *
 * <p>
 * The order is {@code at desc}, then the source's key, then {@code id desc}, so that
 * entries of two sources at the same moment never repeat or go missing across pages: the
 * cursor names the source of the last entry shown, and each source is given the position
 * that continues this order within its own entries.
 */
@Service
public class Timeline {

	public static final int PAGE = 20;

	private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
		.reversed()
		.thenComparing(TimelineEntry::source)
		.thenComparing(Comparator.comparingLong(TimelineEntry::id).reversed());

	private final List<TimelineSource> sources;

	private final ClientService clients;

	private final DealService deals;

	Timeline(List<TimelineSource> sources, ClientService clients, DealService deals) {
		this.sources = sources.stream().sorted(Comparator.comparing(TimelineSource::key)).toList();
		this.clients = clients;
		this.deals = deals;
	}

	/** Every kind of entry the sources add, for the filter. */
	public List<String> kinds() {
		Set<String> kinds = new LinkedHashSet<>();
		sources.stream()
			.sorted(Comparator.comparingInt(TimelineSource::order))
			.forEach(source -> kinds.addAll(source.kinds()));
		return List.copyOf(kinds);
	}

	/**
	 * @param kinds only these kinds; all when empty
	 * @param after the {@link TimelinePage#next()} of the previous page, or null
	 * @throws RecordNotFound when the reader may not see the client (the deal)
	 */
	@Transactional(readOnly = true)
	public TimelinePage page(TimelineSubject subject, Set<String> kinds, @Nullable String after, int size,
			CurrentUser reader) {
		boolean visible = subject.client() ? clients.visible(subject.id(), reader)
				: deals.visible(subject.id(), reader);
		if (!visible) {
			throw new RecordNotFound(subject.client() ? "Client" : "Deal", subject.id());
		}
		int limit = Math.max(1, Math.min(size, 100));
		Position position = after == null || after.isBlank() ? null : Position.decode(after);
		List<TimelineEntry> merged = new ArrayList<>();
		for (TimelineSource source : sources) {
			Set<String> wanted = new LinkedHashSet<>(source.kinds());
			if (!kinds.isEmpty()) {
				wanted.retainAll(kinds);
				if (wanted.isEmpty()) {
					continue;
				}
			}
			TimelineCursor before = position == null ? null : position.within(source.key());
			merged.addAll(source.entries(subject, new TimelineWindow(before, null, null, wanted, limit + 1), reader));
		}
		merged.sort(NEWEST_FIRST);
		List<TimelineEntry> page = List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
		String next = merged.size() > limit ? Position.of(page.get(page.size() - 1)).encode() : null;
		return new TimelinePage(page, next);
	}

	/** Where the last page ended: the moment, the source and the id of its last entry. */
	private record Position(Instant at, String source, long id) {

		static Position of(TimelineEntry entry) {
			return new Position(entry.at(), entry.source(), entry.id());
		}

		/** The cursor that continues the timeline's order within one source. */
		TimelineCursor within(String key) {
			int order = key.compareTo(source);
			return new TimelineCursor(at, order == 0 ? id : order > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
		}

		String encode() {
			String text = at.getEpochSecond() + "." + at.getNano() + "." + source + "." + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static Position decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.",
						4);
				return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2],
						Long.parseLong(parts[3]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw new RuleViolation("after", "list.cursor-invalid");
			}
		}

	}

}
