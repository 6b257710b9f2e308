package io.clientele.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A browser's EventSource without a browser: reads a Server-Sent Events stream of a
 * signed-in session in the background and keeps its events (comments are skipped).
 */
public final class EventStreamClient implements AutoCloseable {

	/** An event as a browser would dispatch it. */
	public record Event(String name, String data) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<InputStream>> response;

	private volatile @Nullable InputStream body;

	private EventStreamClient(CompletableFuture<HttpResponse<InputStream>> response) {
		this.response = response;
	}

	/** Opens {@code /events} with the session of a {@link WebSession} that signed in. */
	public static EventStreamClient open(int port, String sessionCookie) {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/events"))
			.header("Accept", "text/event-stream")
			.header("Cookie", "SESSION=" + sessionCookie)
			.GET()
			.build();
		EventStreamClient client = new EventStreamClient(
				http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
		// the reading runs on a thread of its own: it lasts as long as the stream
		client.response.thenAcceptAsync(client::read, runnable -> {
			Thread reader = new Thread(runnable, "event-stream-client");
			reader.setDaemon(true);
			reader.start();
		});
		return client;
	}

	/** The stream's status code, once the response has begun. */
	public int status() throws Exception {
		return response.get(10, TimeUnit.SECONDS).statusCode();
	}

	/**
	 * The next event of this name within the time, skipping others; null if none came.
	 */
	public @Nullable Event next(String name, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return null;
			}
			Event event = events.poll(left, TimeUnit.NANOSECONDS);
			if (event == null) {
				return null;
			}
			if (event.name().equals(name)) {
				return event;
			}
		}
	}

	/** The events received so far and not taken. */
	public List<Event> received() {
		List<Event> taken = new ArrayList<>();
		events.drainTo(taken);
		return taken;
	}

	private void read(HttpResponse<InputStream> answer) {
		body = answer.body();
		if (answer.statusCode() != 200) {
			return;
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (data.length() > 0) {
						events.add(new Event(name, data.toString()));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// closed
		}
	}

	@Override
	public void close() {
		InputStream stream = body;
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// closed already
			}
		}
		response.cancel(true);
	}

}
