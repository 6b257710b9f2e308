package io.clientele.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The embedded PostgreSQL server of a data directory, shared by every Spring context of
 * the JVM that uses that directory (tests start several contexts; they share one server).
 * The last context to release it stops it.
 */
public final class EmbeddedPostgresServer {

	static final String DATABASE = "clientele";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** Servers of this JVM by data directory; a start may still be under way. */
	private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> servers = new HashMap<>();

	private static boolean shutdownHookRegistered;

	private final Path dataDirectory;

	private final EmbeddedPostgres postgres;

	private int leases;

	private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
		this.dataDirectory = dataDirectory;
		this.postgres = postgres;
	}

	/**
	 * Starts the server of the directory on another thread, so that it comes up while the
	 * application context is being built; {@link #acquire} joins it. Does nothing when it
	 * is already started or starting.
	 */
	public static synchronized void startInBackground(Path dataDirectory, int port, boolean durable,
			Duration startupWait, @Nullable DataSize sharedBuffers) {
		Path key = key(dataDirectory);
		servers.computeIfAbsent(key, dir -> CompletableFuture
			.supplyAsync(() -> start(dir, port, durable, startupWait, sharedBuffers), runnable -> {
				Thread thread = new Thread(runnable, "embedded-postgres-start");
				thread.setDaemon(true);
				thread.start();
			}));
	}

	/**
	 * The server of the directory, started now unless this JVM runs it already or is
	 * starting it. Every acquisition is paired with a {@link #release()}.
	 */
	public static EmbeddedPostgresServer acquire(Path dataDirectory, int port, boolean durable, Duration startupWait) {
		return acquire(dataDirectory, port, durable, startupWait, null);
	}

	/**
	 * As {@link #acquire(Path, int, boolean, Duration)}, with the size of PostgreSQL's
	 * page cache (null: {@link #sharedBuffers as the machine allows}).
	 */
	public static EmbeddedPostgresServer acquire(Path dataDirectory, int port, boolean durable, Duration startupWait,
			@Nullable DataSize sharedBuffers) {
		CompletableFuture<EmbeddedPostgresServer> future;
		synchronized (EmbeddedPostgresServer.class) {
			future = servers.computeIfAbsent(key(dataDirectory),
					dir -> CompletableFuture.completedFuture(start(dir, port, durable, startupWait, sharedBuffers)));
		}
		EmbeddedPostgresServer server;
		try {
			server = future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			synchronized (EmbeddedPostgresServer.class) {
				servers.remove(key(dataDirectory));
			}
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
		synchronized (server) {
			server.leases++;
		}
		return server;
	}

	public void release() {
		synchronized (this) {
			if (--leases > 0) {
				return;
			}
		}
		synchronized (EmbeddedPostgresServer.class) {
			servers.remove(dataDirectory);
		}
		stop();
	}

	private void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL in {} did not stop cleanly", dataDirectory, ex);
		}
	}

	private static Path key(Path dataDirectory) {
		return dataDirectory.toAbsolutePath().normalize();
	}

	/**
	 * A server started in the background whose application never came to use it (the
	 * start failed elsewhere) is stopped when the JVM ends. Servers in use are stopped by
	 * their application context, which closes in its own shutdown hook.
	 */
	private static synchronized void stopUnusedAtExit() {
		if (shutdownHookRegistered) {
			return;
		}
		shutdownHookRegistered = true;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			List<EmbeddedPostgresServer> unused;
			synchronized (EmbeddedPostgresServer.class) {
				unused = servers.values()
					.stream()
					.filter(future -> future.isDone() && !future.isCompletedExceptionally())
					.map(CompletableFuture::join)
					.filter(server -> server.leases == 0)
					.toList();
			}
			unused.forEach(EmbeddedPostgresServer::stop);
		}, "embedded-postgres-stop-unused"));
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", DATABASE);
	}

	public int port() {
		return postgres.getPort();
	}

	/**
	 * The size of PostgreSQL's own page cache: as given, or for a durable server a
	 * quarter of the machine's memory, as PostgreSQL's manual advises for a server of its
	 * own, between 128 MB and 8 GB; PostgreSQL's 128 MB for a throw-away one. With 128 MB
	 * a base of a million clients (the trigram indexes of the search alone are 1.3 GB) is
	 * read through the operating system's cache, which other programs' files push out.
	 * @param machineMemory the bytes of memory of the machine (or its container)
	 */
	static DataSize sharedBuffers(@Nullable DataSize configured, boolean durable, long machineMemory) {
		if (configured != null) {
			return configured;
		}
		DataSize least = DataSize.ofMegabytes(128);
		if (!durable) {
			return least;
		}
		long quarter = Math.min(machineMemory / 4, DataSize.ofGigabytes(8).toBytes());
		return DataSize.ofMegabytes(Math.max(least.toMegabytes(), quarter / (1024 * 1024)));
	}

	private static long machineMemory() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getTotalMemorySize();
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable, Duration startupWait,
			@Nullable DataSize sharedBuffers) {
		try {
			Files.createDirectories(dataDirectory);
			OrphanedPostmaster.stopIfAny(dataDirectory);
			boolean firstStart = !Files.exists(dataDirectory.resolve("PG_VERSION"));
			long started = System.nanoTime();
			DataSize buffers = sharedBuffers(sharedBuffers, durable, machineMemory());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(startupWait)
				.setLocaleConfig("locale-provider", "builtin")
				.setLocaleConfig("builtin-locale", "C.UTF-8")
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", buffers.toMegabytes() + "MB")
				.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			// The library starts the server with fsync off and asynchronous commit, which
			// suits throw-away test databases but loses data on a crash.
			builder.setServerConfig("fsync", durable ? "on" : "off");
			builder.setServerConfig("synchronous_commit", durable ? "on" : "off");
			builder.setServerConfig("full_page_writes", durable ? "on" : "off");
			EmbeddedPostgres postgres = builder.start();
			stopUnusedAtExit();
			log.info("Embedded PostgreSQL {} in {} on port {}, shared buffers {} MB ({} ms{})", serverVersion(postgres),
					dataDirectory, postgres.getPort(), buffers.toMegabytes(), (System.nanoTime() - started) / 1_000_000,
					firstStart ? ", first initialisation" : "");
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, postgres);
			server.createDatabase();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	private static String serverVersion(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return "?";
		}
	}

	private void createDatabase() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + DATABASE);
				}
				log.info("Created database {}", DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	/**
	 * A server left running by a Clientele that was killed (the postmaster outlives the
	 * JVM that started it) holds the data directory; stop it before starting a new one.
	 */
	static final class OrphanedPostmaster {

		private OrphanedPostmaster() {
		}

		static void stopIfAny(Path dataDirectory) throws IOException {
			refuseIfAnotherProcessUses(dataDirectory);
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return;
			}
			List<String> lines = Files.readAllLines(pidFile);
			Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
					: parsePid(lines.get(0)).flatMap(ProcessHandle::of);
			boolean ours = process.isPresent() && lines.size() > 1
					&& Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dataDirectory)
					&& process.get().info().command().map(command -> command.contains("postgres")).orElse(true);
			if (!ours) {
				log.info("Removing the stale lock {} of a server that no longer runs", pidFile);
				Files.deleteIfExists(pidFile);
				return;
			}
			ProcessHandle postmaster = process.get();
			log.warn("A PostgreSQL server (pid {}) left running by an earlier start holds {}; stopping it",
					postmaster.pid(), dataDirectory);
			postmaster.destroy();
			try {
				postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("The PostgreSQL server with pid " + postmaster.pid() + " still holds "
						+ dataDirectory + "; stop it and start again", ex);
			}
		}

		/**
		 * The library holds a file lock in the data directory while its server runs; the
		 * operating system drops it when the owning process dies, so a lock we cannot
		 * take belongs to a Clientele that is alive, whose server must not be touched.
		 */
		private static void refuseIfAnotherProcessUses(Path dataDirectory) throws IOException {
			Path lockFile = dataDirectory.resolve("epg-lock");
			if (!Files.exists(lockFile)) {
				return;
			}
			try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
					var lock = channel.tryLock()) {
				if (lock == null) {
					throw new IllegalStateException("Another running Clientele uses the database in " + dataDirectory
							+ "; stop it or give this one another CLIENTELE_HOME");
				}
			}
		}

		private static Optional<Long> parsePid(String line) {
			try {
				return Optional.of(Long.parseLong(line.trim()));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}

	}

}
