package io.clientele.shared.live;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams open on this node: one Server-Sent Events stream per signed-in browser
 * tab. A user has at most {@code perUser} streams (a further one closes their oldest,
 * which is told not to come back) and the node at most {@code total} (a further one is
 * refused). A stream ends after {@code timeout} (the browser opens a new one) or when a
 * write to it fails; a comment every {@code heartbeat} keeps proxies from closing it and
 * finds streams whose browser has gone. A stream holds no database connection: it is an
 * asynchronous request that only this registry writes to.
 */
@Component
public class LiveStreams implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

	/**
	 * What a stream closed for another tab of the same user is told, so it stays closed.
	 */
	static final LiveEvent EVICTED = new LiveEvent("evicted", "{}");

	private final LiveSettings settings;

	private final Map<Long, List<Stream>> byUser = new HashMap<>();

	private final AtomicLong sequence = new AtomicLong();

	private int open;

	private volatile boolean running;

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "live-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	LiveStreams(LiveSettings settings) {
		this.settings = settings;
		long every = settings.heartbeat().toMillis();
		heartbeats.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
	}

	/** Too many streams are open on this node; the browser should try again later. */
	public static final class TooManyStreams extends RuntimeException {

		TooManyStreams() {
			super("Too many live streams open", null, false, false);
		}

	}

	/**
	 * Opens a stream for the user. When the user has {@code perUser} open already, or the
	 * node {@code total}, their oldest stream is closed.
	 * @throws TooManyStreams when the node has {@code total} open already, none of them
	 * the user's
	 */
	public SseEmitter open(long userId) {
		Stream stream;
		Stream evicted = null;
		synchronized (this) {
			List<Stream> streams = byUser.getOrDefault(userId, List.of());
			boolean full = open >= settings.total();
			if (full && streams.isEmpty()) {
				throw new TooManyStreams();
			}
			streams = byUser.computeIfAbsent(userId, id -> new ArrayList<>());
			if (streams.size() >= settings.perUser() || full) {
				evicted = streams.remove(0);
				open--;
			}
			stream = new Stream(sequence.incrementAndGet(), userId, new SseEmitter(settings.timeout().toMillis()));
			streams.add(stream);
			open++;
		}
		SseEmitter emitter = stream.emitter;
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> remove(stream));
		emitter.onError(error -> remove(stream));
		// The browser waits this long before it reconnects a dropped stream; the comment
		// makes it see the stream open at once, through buffering proxies too.
		send(stream, SseEmitter.event().reconnectTime(settings.reconnect().toMillis()).comment("open"));
		if (evicted != null) {
			send(evicted, SseEmitter.event().name(EVICTED.name()).data(EVICTED.data()));
			close(evicted);
		}
		return emitter;
	}

	/** The users with at least one stream open on this node. */
	public synchronized Set<Long> users() {
		return Set.copyOf(byUser.keySet());
	}

	/** How many streams are open on this node. */
	public synchronized int count() {
		return open;
	}

	public synchronized int count(long userId) {
		List<Stream> streams = byUser.get(userId);
		return streams == null ? 0 : streams.size();
	}

	/** Sends the event to every stream of the user on this node. */
	public void send(long userId, LiveEvent event) {
		for (Stream stream : streamsOf(userId)) {
			send(stream, SseEmitter.event().name(event.name()).data(event.data()));
		}
	}

	/** Sends the event to every stream on this node (only events that name no record). */
	public void sendToAll(LiveEvent event) {
		for (Stream stream : all()) {
			send(stream, SseEmitter.event().name(event.name()).data(event.data()));
		}
	}

	void heartbeat() {
		for (Stream stream : all()) {
			send(stream, SseEmitter.event().comment(""));
		}
	}

	private synchronized List<Stream> streamsOf(long userId) {
		List<Stream> streams = byUser.get(userId);
		return streams == null ? List.of() : List.copyOf(streams);
	}

	private synchronized List<Stream> all() {
		List<Stream> streams = new ArrayList<>();
		byUser.values().forEach(streams::addAll);
		return streams;
	}

	/**
	 * Writes to the stream; a failed write (the browser has gone) removes it. Writes to
	 * one stream from several threads are serialised by the emitter.
	 */
	private void send(Stream stream, SseEmitter.SseEventBuilder event) {
		try {
			stream.emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Live stream {} of user {} is gone: {}", stream.id, stream.userId, ex.toString());
			remove(stream);
			close(stream);
		}
	}

	private synchronized void remove(Stream stream) {
		List<Stream> streams = byUser.get(stream.userId);
		if (streams != null && streams.remove(stream)) {
			open--;
			if (streams.isEmpty()) {
				byUser.remove(stream.userId);
			}
		}
	}

	private static void close(Stream stream) {
		try {
			stream.emitter.complete();
		}
		catch (RuntimeException ex) {
			log.debug("Live stream {} was closed already: {}", stream.id, ex.toString());
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Ends every stream as the node begins to stop, before the web server waits for the
	 * requests in progress (a stream would keep it waiting); browsers reconnect to
	 * another node.
	 */
	@Override
	public void stop() {
		running = false;
		closeAll();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public void destroy() {
		heartbeats.shutdownNow();
		closeAll();
	}

	private void closeAll() {
		for (Stream stream : all()) {
			remove(stream);
			close(stream);
		}
	}

	private static final class Stream {

		final long id;

		final long userId;

		final SseEmitter emitter;

		Stream(long id, long userId, SseEmitter emitter) {
			this.id = id;
			this.userId = userId;
			this.emitter = emitter;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof Stream stream && stream.id == id;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(id);
		}

	}

	/**
	 * @param perUser streams one user may have open on a node (tabs)
	 * @param total streams a node keeps open at most
	 * @param heartbeat how often an idle stream gets a comment
	 * @param timeout how long a stream lasts before the browser is made to open a new one
	 * @param reconnect how long a browser waits before it reopens a dropped stream
	 */
	public record LiveSettings(int perUser, int total, Duration heartbeat, Duration timeout, Duration reconnect) {
	}

}
