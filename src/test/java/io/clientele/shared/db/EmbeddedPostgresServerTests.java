package io.clientele.shared.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.clientele.support.EmbeddedPostgresChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server on a real data directory: what a user's {@code ~/.clientele/pgdata}
 * goes through between starts.
 */
class EmbeddedPostgresServerTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path home;

	Process child;

	@AfterEach
	void killChild() throws InterruptedException {
		if (child != null && child.isAlive()) {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// Whatever a test left running in the directory is stopped by taking it over
		// once.
		if (Files.exists(dataDirectory().resolve("postmaster.pid"))) {
			EmbeddedPostgresServer.acquire(dataDirectory(), 0, false, WAIT).release();
		}
	}

	@Test
	void the_data_survives_a_restart_and_is_written_durably() throws Exception {
		var first = EmbeddedPostgresServer.acquire(dataDirectory(), 0, true, WAIT);
		try (var connection = DriverManager.getConnection(first.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("create table kept (note text)");
			statement.execute("insert into kept values ('still here')");
			var fsync = statement.executeQuery("show fsync");
			fsync.next();
			assertThat(fsync.getString(1)).isEqualTo("on");
		}
		first.release();
		assertThat(dataDirectory().resolve("postmaster.pid")).doesNotExist();

		var second = EmbeddedPostgresServer.acquire(dataDirectory(), 0, true, WAIT);
		try {
			assertThat(select(second, "select note from kept")).isEqualTo("still here");
		}
		finally {
			second.release();
		}
	}

	@Test
	void a_durable_server_keeps_a_quarter_of_the_machines_memory_as_its_page_cache_within_bounds() {
		long gigabyte = DataSize.ofGigabytes(1).toBytes();
		assertThat(EmbeddedPostgresServer.sharedBuffers(null, true, 24 * gigabyte)).isEqualTo(DataSize.ofGigabytes(6));
		assertThat(EmbeddedPostgresServer.sharedBuffers(null, true, 64 * gigabyte)).isEqualTo(DataSize.ofGigabytes(8));
		assertThat(EmbeddedPostgresServer.sharedBuffers(null, true, gigabyte / 4)).isEqualTo(DataSize.ofMegabytes(128));
		assertThat(EmbeddedPostgresServer.sharedBuffers(null, false, 24 * gigabyte)).as("a throw-away server (tests)")
			.isEqualTo(DataSize.ofMegabytes(128));
		assertThat(EmbeddedPostgresServer.sharedBuffers(DataSize.ofMegabytes(512), true, 24 * gigabyte))
			.as("as configured")
			.isEqualTo(DataSize.ofMegabytes(512));
	}

	@Test
	void the_server_runs_with_the_page_cache_it_was_given() throws Exception {
		var server = EmbeddedPostgresServer.acquire(dataDirectory(), 0, true, WAIT, DataSize.ofMegabytes(160));
		try {
			assertThat(select(server, "show shared_buffers")).isEqualTo("160MB");
		}
		finally {
			server.release();
		}
	}

	@Test
	void the_start_after_a_killed_run_stops_the_server_it_left_behind() throws Exception {
		child = startChild();
		long orphan = Long.parseLong(Files.readAllLines(dataDirectory().resolve("postmaster.pid")).get(0).trim());
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(orphan)).as("the server outlives the killed JVM").isPresent();

		var server = EmbeddedPostgresServer.acquire(dataDirectory(), 0, true, WAIT);
		try {
			assertThat(select(server, "select note from survivor")).isEqualTo("written before the kill");
			assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		}
		finally {
			server.release();
		}
	}

	@Test
	void a_directory_in_use_by_a_running_clientele_is_not_taken_over() throws Exception {
		child = startChild();
		assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(dataDirectory(), 0, true, WAIT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Another running Clientele");
		assertThat(child.isAlive()).isTrue();
	}

	private Path dataDirectory() {
		return home.resolve("pgdata");
	}

	private Process startChild() throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), dataDirectory().toString())
			.redirectErrorStream(true)
			.start();
		var output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith("READY")) {
				return process;
			}
		}
		throw new IllegalStateException("The child JVM ended before its server was ready");
	}

	private static String select(EmbeddedPostgresServer server, String sql) throws Exception {
		try (var connection = DriverManager.getConnection(server.jdbcUrl());
				var result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
