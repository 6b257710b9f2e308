package io.clientele.activities.internal;

import java.util.Map;
import java.util.Set;

import io.clientele.activities.Timeline;
import io.clientele.activities.TimelineSubject;
import io.clientele.clients.spi.ClientPanel;
import io.clientele.deals.spi.DealPanel;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.web.PagePanel;
import org.springframework.stereotype.Component;

/**
 * The timeline on the client card and the deal card: its first page, the kinds to filter
 * by, and where to log an interaction on the client (the deal).
 */
@Component
class TimelinePanels implements ClientPanel, DealPanel {

	/** After the client's deals (10), before the rest of the card. */
	static final int ORDER = 90;

	private final Timeline timeline;

	TimelinePanels(Timeline timeline) {
		this.timeline = timeline;
	}

	@Override
	public PagePanel section(long clientId, CurrentUser reader) {
		return panel(TimelineSubject.client(clientId), "/interactions/new?clientId=" + clientId, reader);
	}

	@Override
	public PagePanel section(long dealId, long clientId, CurrentUser reader) {
		return panel(TimelineSubject.deal(dealId), "/interactions/new?clientId=" + clientId + "&dealId=" + dealId,
				reader);
	}

	private PagePanel panel(TimelineSubject subject, String logUrl, CurrentUser reader) {
		String base = "/timeline/" + subject.type().name().toLowerCase(java.util.Locale.ROOT) + "/" + subject.id();
		return new PagePanel("activities/timeline", "panel", ORDER,
				Map.of("page", timeline.page(subject, Set.of(), null, Timeline.PAGE, reader), "kinds", timeline.kinds(),
						"base", base, "more", base + "?", "logUrl", logUrl));
	}

}
