package io.clientele.shared.live;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes live notifications to every node through PostgreSQL's {@code NOTIFY}. Called
 * inside the changing transaction, the notification is delivered when it commits, and
 * never when it rolls back; several identical ones in one transaction are delivered once.
 * Each node's {@link LiveListener} hands it to the {@link LiveTopic} of its name.
 */
@Component
public class LiveEvents {

	/** The PostgreSQL channel of all live notifications. */
	public static final String CHANNEL = "clientele_live";

	/**
	 * PostgreSQL refuses payloads of 8000 bytes and more; a notification names records
	 * and is far smaller.
	 */
	static final int MAX_MESSAGE_BYTES = 7_900;

	private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9.-]{1,50}");

	private final JdbcClient jdbc;

	LiveEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Announces something to the {@link LiveTopic} named {@code topic} on every node.
	 * @param payload ids of what changed, never a record's content
	 */
	public void publish(String topic, String payload) {
		if (!TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("Not a topic name: " + topic);
		}
		String message = topic + ":" + payload;
		if (message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
			throw new IllegalArgumentException("A live notification names records; this one is too long: " + topic);
		}
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, message).query(rs -> {
		});
	}

	/** The topic of a message as published: what comes before the first colon. */
	static String topicOf(String message) {
		int colon = message.indexOf(':');
		return colon < 0 ? message : message.substring(0, colon);
	}

	static String payloadOf(String message) {
		int colon = message.indexOf(':');
		return colon < 0 ? "" : message.substring(colon + 1);
	}

}
