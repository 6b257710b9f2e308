package io.clientele.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import io.clientele.shared.db.EmbeddedPostgresServer;

/**
 * A separate JVM that starts the embedded server of a directory, writes a row, says READY
 * and waits to be killed: what a Clientele killed in the middle of its work leaves
 * behind.
 */
public final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws Exception {
		var server = EmbeddedPostgresServer.acquire(Path.of(args[0]), 0, true, Duration.ofSeconds(30));
		try (var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (note text)");
			statement.execute("insert into survivor values ('written before the kill')");
		}
		System.out.println("READY " + server.port());
		System.out.flush();
		Thread.currentThread().join();
	}

}
