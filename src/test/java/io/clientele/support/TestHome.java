package io.clientele.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM its own Clientele home, so that the embedded PostgreSQL of the tests
 * is created once per JVM in a fresh directory and removed afterwards.
 */
public class TestHome implements LauncherSessionListener {

	private Path home;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		try {
			home = Files.createTempDirectory("clientele-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty("clientele.test.home", home.toString());
		System.setProperty("clientele.test.smtp-port", Integer.toString(freePort()));
	}

	/**
	 * A port for the tests' SMTP server (GreenMail, started by the tests that send mail):
	 * free now, so that test JVMs running side by side do not share one.
	 */
	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		// The servers stop in their contexts' shutdown hooks, after this; the directory
		// is
		// removed by a hook of its own that runs once they are down.
		Path directory = home;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
	}

	private static void delete(Path directory) {
		awaitServerStopped(directory.resolve("pgdata/postmaster.pid"));
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory; the system cleans it eventually
		}
	}

	/** PostgreSQL removes its pid file as the last step of stopping. */
	private static void awaitServerStopped(Path pidFile) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
		while (Files.exists(pidFile) && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50));
		}
	}

}
