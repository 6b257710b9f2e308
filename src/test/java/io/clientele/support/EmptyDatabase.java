package io.clientele.support;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.clientele.shared.db.EmbeddedPostgresServer;

/**
 * A database of its own on the test JVM's embedded server, for a test that starts a
 * Clientele on an empty base; dropped on close.
 */
public final class EmptyDatabase implements AutoCloseable {

	private final EmbeddedPostgresServer server;

	private final String name;

	private EmptyDatabase(EmbeddedPostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	public static EmptyDatabase create(String prefix) throws SQLException {
		var server = EmbeddedPostgresServer.acquire(
				Path.of(System.getProperty("clientele.test.home")).resolve("pgdata"), 0, false, Duration.ofSeconds(30));
		var database = new EmptyDatabase(server, TestUsers.unique(prefix).replace('-', '_'));
		database.execute("create database " + database.name);
		return database;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + server.port() + "/" + name;
	}

	@Override
	public void close() throws SQLException {
		execute("drop database if exists " + name + " with (force)");
		server.release();
	}

	private void execute(String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(server.jdbcUrl());
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
