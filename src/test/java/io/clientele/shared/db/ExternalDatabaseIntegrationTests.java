package io.clientele.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.clientele.support.Requirements;
import io.clientele.support.StandaloneClientele;
import io.clientele.support.TestUsers;
import io.clientele.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Clientele on an external PostgreSQL (the machine's own, 15 here), as configured with
 * CLIENTELE_DB_URL, CLIENTELE_DB_USER and CLIENTELE_DB_PASSWORD. The server and the role
 * are prepared by {@code .ci/external-postgres}, which this test runs itself when it can.
 */
class ExternalDatabaseIntegrationTests {

	private static final String HOST = System.getenv().getOrDefault("CLIENTELE_TEST_PG_HOST", "localhost:5432");

	private static final String USER = System.getenv().getOrDefault("CLIENTELE_TEST_PG_USER", "clientele_test");

	private static final String PASSWORD = System.getenv().getOrDefault("CLIENTELE_TEST_PG_PASSWORD", "clientele_test");

	String database;

	@BeforeEach
	void emptyDatabase() throws Exception {
		Requirements.require(serverInstalled(), "a PostgreSQL server (Debian package postgresql)");
		database = TestUsers.unique("clientele_external").replace('-', '_');
		try (Connection connection = adminConnection()) {
			connection.createStatement().execute("create database " + database);
		}
	}

	@AfterEach
	void dropDatabase() throws Exception {
		if (database != null) {
			try (Connection connection = adminConnection()) {
				connection.createStatement().execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	@Test
	void clientele_runs_on_an_external_postgresql_without_starting_its_own() throws Exception {
		try (var clientele = StandaloneClientele.start("jdbc:postgresql://" + HOST + "/" + database, USER, PASSWORD,
				"clientele.admin.password=External-admin-1")) {
			assertThat(clientele.hasBean(EmbeddedPostgresServer.class)).isFalse();
			var jdbc = clientele.jdbc();
			assertThat(jdbc.sql("show server_version_num").query(Integer.class).single())
				.isGreaterThanOrEqualTo(150000);
			assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(database);
			assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'flowable'")
				.query(Long.class)
				.single()).isGreaterThan(10);

			var browser = new WebSession(clientele.port(), "ru");
			browser.signIn("admin", "External-admin-1");
			assertThat(browser.get("/account/password").body()).contains("Смена пароля");
		}
	}

	private Connection adminConnection() throws Exception {
		String url = "jdbc:postgresql://" + HOST + "/postgres";
		try {
			return DriverManager.getConnection(url, USER, PASSWORD);
		}
		catch (SQLException first) {
			prepareServer();
			try {
				return DriverManager.getConnection(url, USER, PASSWORD);
			}
			catch (SQLException second) {
				return fail("PostgreSQL is installed but Clientele cannot reach it at " + HOST + " as " + USER
						+ "; run .ci/external-postgres (as root) to start it and create the role", second);
			}
		}
	}

	/**
	 * Runs the preparation script where this machine allows (root, Debian's cluster
	 * tools).
	 */
	private static void prepareServer() throws Exception {
		Path script = Path.of(".ci/external-postgres");
		if (Files.isExecutable(script) && Files.exists(Path.of("/usr/bin/pg_ctlcluster"))) {
			Process process = new ProcessBuilder(script.toString()).inheritIO().start();
			process.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private static boolean serverInstalled() {
		Path versions = Path.of("/usr/lib/postgresql");
		try (var installed = Files.list(versions)) {
			return installed.anyMatch(version -> Files.exists(version.resolve("bin/postgres")));
		}
		catch (java.io.IOException ex) {
			return System.getenv("CLIENTELE_TEST_PG_HOST") != null;
		}
	}

}
