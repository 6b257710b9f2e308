package io.clientele.shared.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on {@link LiveEvents#CHANNEL} through a connection of its own (not one of the
 * pool's: it is held for as long as the node runs) and hands every notification to its
 * {@link LiveTopic}, which picks the users connected to this node who may see it; their
 * streams get the event. A lost connection is opened again, with growing pauses; the
 * streams are then told to refresh, since notifications sent meanwhile are lost. The
 * topics run on one dispatcher thread with a bounded queue, so neither a slow query nor a
 * slow browser holds up the listening.
 */
class LiveListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

	/** How long one wait for notifications lasts; also how soon a stop is noticed. */
	static final int WAIT_MILLIS = 1_000;

	/** How often an idle listening connection is checked with a query. */
	static final Duration CHECK_EVERY = Duration.ofSeconds(30);

	static final Duration MAX_PAUSE = Duration.ofSeconds(30);

	/** Opens the listening connection. */
	interface ConnectionFactory {

		Connection open() throws SQLException;

	}

	private final ConnectionFactory connections;

	private final LiveStreams streams;

	private final Map<String, LiveTopic> topics;

	private final ThreadPoolExecutor dispatcher;

	private volatile boolean running;

	/** Counted down by {@link #stop()}: a pause between reconnects ends at once. */
	private volatile CountDownLatch stopping = new CountDownLatch(1);

	private volatile boolean listening;

	private @Nullable Thread thread;

	LiveListener(ConnectionFactory connections, LiveStreams streams, java.util.List<LiveTopic> topics) {
		this.connections = connections;
		this.streams = streams;
		this.topics = topics.stream().collect(Collectors.toMap(LiveTopic::name, Function.identity()));
		this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
				runnable -> {
					Thread dispatch = new Thread(runnable, "live-dispatch");
					dispatch.setDaemon(true);
					return dispatch;
				}, (runnable, executor) -> log.warn("Live dispatcher is overloaded; a notification is dropped"));
	}

	/** Whether the listening connection is open (for tests and health). */
	boolean listening() {
		return listening;
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		stopping = new CountDownLatch(1);
		Thread listener = new Thread(this::listen, "live-listener");
		listener.setDaemon(true);
		listener.start();
		thread = listener;
	}

	@Override
	public synchronized void stop() {
		running = false;
		stopping.countDown();
		Thread listener = thread;
		if (listener != null) {
			try {
				listener.join(WAIT_MILLIS * 3L);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		dispatcher.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		boolean connectedBefore = false;
		long pause = 500;
		while (running) {
			try (Connection connection = connections.open()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + LiveEvents.CHANNEL);
				}
				listening = true;
				pause = 500;
				if (connectedBefore) {
					log.info("Live updates listen again; pages are told to refresh");
					dispatcher.execute(() -> streams.sendToAll(LiveEvent.RESYNC));
				}
				connectedBefore = true;
				receive(connection);
			}
			catch (SQLException | RuntimeException ex) {
				listening = false;
				if (running) {
					log.warn("Live updates lost their database connection ({}); trying again in {} ms", ex.toString(),
							pause);
					pause(pause);
					pause = Math.min(pause * 2, MAX_PAUSE.toMillis());
				}
			}
		}
		listening = false;
	}

	private void receive(Connection connection) throws SQLException {
		PGConnection postgres = connection.unwrap(PGConnection.class);
		long checked = System.nanoTime();
		while (running) {
			PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					String message = notification.getParameter();
					dispatcher.execute(() -> dispatch(message));
				}
			}
			if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
				// a connection the network dropped silently answers no wait; a query
				// finds
				// it
				try (Statement statement = connection.createStatement()) {
					statement.execute("select 1");
				}
				checked = System.nanoTime();
			}
		}
	}

	/** Hands one notification to its topic and sends what it returns. */
	void dispatch(String message) {
		LiveTopic topic = topics.get(LiveEvents.topicOf(message));
		if (topic == null) {
			log.debug("No live topic for {}", message);
			return;
		}
		Set<Long> connected = streams.users();
		if (connected.isEmpty()) {
			return;
		}
		try {
			topic.recipients(LiveEvents.payloadOf(message), connected).forEach(streams::send);
		}
		catch (RuntimeException ex) {
			log.warn("Live topic {} failed on {}", topic.name(), message, ex);
		}
	}

	/** Waits before the next reconnect, or until the listener is stopped. */
	private void pause(long millis) {
		try {
			stopping.await(millis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
