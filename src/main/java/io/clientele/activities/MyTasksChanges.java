package io.clientele.activities;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.shared.live.LiveEvent;
import io.clientele.shared.live.LiveEvents;
import io.clientele.shared.live.LiveTopic;
import org.springframework.stereotype.Component;

/**
 * Tells the open pages of the people whose "My tasks" changed — a task given to them or
 * taken away, done, rescheduled, deleted or restored, by whoever — that their sidebar
 * counter is stale (topic {@value #TOPIC}). The event names nobody else and carries
 * nothing: each page asks for its own user's counter again ({@code GET /my-tasks/badge}).
 */
@Component
public class MyTasksChanges implements LiveTopic {

	public static final String TOPIC = "my-tasks";

	private final LiveEvents live;

	MyTasksChanges(LiveEvents live) {
		this.live = live;
	}

	/**
	 * In the changing transaction: the executors' pages hear of it when it commits (one
	 * notification per transaction and set of people, however many tasks changed).
	 */
	public void changed(Collection<Long> executorIds) {
		if (!executorIds.isEmpty()) {
			live.publish(TOPIC,
					executorIds.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(",")));
		}
	}

	@Override
	public String name() {
		return TOPIC;
	}

	/** Those of the named users who are connected here, each told only of themselves. */
	@Override
	public Map<Long, LiveEvent> recipients(String payload, Set<Long> connected) {
		Map<Long, LiveEvent> recipients = new HashMap<>();
		Arrays.stream(payload.split(","))
			.map(String::strip)
			.filter(id -> id.matches("\\d{1,18}"))
			.map(Long::valueOf)
			.filter(connected::contains)
			.forEach(id -> recipients.put(id, new LiveEvent(TOPIC, "{}")));
		return recipients;
	}

}
