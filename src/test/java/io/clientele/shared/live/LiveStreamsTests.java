package io.clientele.shared.live;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds of a node's live streams: a user's further tab closes their oldest stream,
 * and a node full of streams refuses more.
 */
class LiveStreamsTests {

	final LiveStreams streams = new LiveStreams(
			new LiveStreams.LiveSettings(2, 3, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(3)));

	@AfterEach
	void stop() {
		streams.destroy();
	}

	@Test
	void a_users_further_tab_closes_their_oldest_stream() {
		streams.open(1);
		streams.open(1);
		streams.open(1);

		assertThat(streams.count(1)).isEqualTo(2);
		assertThat(streams.count()).isEqualTo(2);
	}

	@Test
	void a_full_node_refuses_further_streams_until_some_close() {
		streams.open(1);
		streams.open(2);
		streams.open(3);

		assertThatThrownBy(() -> streams.open(4)).isInstanceOf(LiveStreams.TooManyStreams.class);
		assertThat(streams.users()).containsExactlyInAnyOrder(1L, 2L, 3L);
		streams.open(3);
		assertThat(streams.count()).as("a user's further tab on a full node replaces their oldest").isEqualTo(3);
		assertThat(streams.count(3)).isEqualTo(1);
	}

	@Test
	void topics_name_records_in_short_notifications() {
		assertThat(LiveEvents.topicOf("deal:42")).isEqualTo("deal");
		assertThat(LiveEvents.payloadOf("deal:42")).isEqualTo("42");
		assertThat(LiveEvents.payloadOf("resync")).isEmpty();
		LiveEvents events = new LiveEvents(null);
		assertThatThrownBy(() -> events.publish("deal", "1".repeat(LiveEvents.MAX_MESSAGE_BYTES)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> events.publish("no spaces", "1")).isInstanceOf(IllegalArgumentException.class);
	}

}
