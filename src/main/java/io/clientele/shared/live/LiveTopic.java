package io.clientele.shared.live;

import java.util.Map;
import java.util.Set;

/**
 * A kind of live notification a module publishes through {@link LiveEvents} and delivers
 * to the browsers of the users who may see it. Every node receives every notification;
 * the topic decides, on each node, which of the users connected there get what, checking
 * record-level access for each of them: a notification names records, it never carries
 * their content.
 */
public interface LiveTopic {

	/** The topic's name: letters, digits, dots and dashes, unique among topics. */
	String name();

	/**
	 * The users of {@code connected} who may learn of this notification, each with the
	 * event to send them. Runs on the live dispatcher's thread, outside any request and
	 * transaction; may query the database.
	 * @param payload what the publisher gave {@link LiveEvents#publish}
	 * @param connected the users with at least one open stream on this node
	 */
	Map<Long, LiveEvent> recipients(String payload, Set<Long> connected);

}
