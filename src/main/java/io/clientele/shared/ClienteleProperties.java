package io.clientele.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a Clientele installation. Every one can be given as an environment
 * variable: {@code clientele.db.url} is {@code CLIENTELE_DB_URL}.
 */
@ConfigurationProperties("clientele")
public record ClienteleProperties(Path home, @DefaultValue Db db, @DefaultValue EmbeddedDb embeddedDb,
		@DefaultValue Admin admin, @DefaultValue Login login, @DefaultValue("RU") String phoneRegion,
		@DefaultValue Live live, @DefaultValue Attachments attachments) {

	/** The data directory of the embedded database. */
	public Path embeddedDataDirectory() {
		return home.resolve("pgdata");
	}

	/** Where files attached to records are kept on disk: CLIENTELE_HOME/attachments. */
	public Path attachmentsDirectory() {
		return home.resolve("attachments");
	}

	/**
	 * Files attached to records (deals).
	 *
	 * @param storage in the database (bytea, in its backups) or on disk under
	 * {@link #attachmentsDirectory()}
	 * @param maxSize the largest file accepted
	 */
	public record Attachments(@DefaultValue("database") Storage storage,
			@DefaultValue("25MB") org.springframework.util.unit.DataSize maxSize) {

		public enum Storage {

			DATABASE, DISK

		}

	}

	/**
	 * An external PostgreSQL. When {@code url} is empty the embedded one is used.
	 *
	 * @param poolSize connections in the pool; 0 means two per core (at least four)
	 */
	public record Db(@Nullable String url, @Nullable String user, @Nullable String password,
			@DefaultValue("0") int poolSize, @DefaultValue("5s") Duration connectionTimeout) {

		public boolean external() {
			return StringUtils.hasText(url);
		}

		public int effectivePoolSize() {
			return poolSize > 0 ? poolSize : Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
		}
	}

	/**
	 * The embedded PostgreSQL.
	 *
	 * @param port 0 picks a free port at every start
	 * @param durable false switches fsync and synchronous commit off (tests only)
	 * @param sharedBuffers PostgreSQL's own page cache; none given: a quarter of the
	 * machine's memory (at least 128 MB, at most 8 GB) for a durable server, PostgreSQL's
	 * 128 MB otherwise
	 */
	public record EmbeddedDb(@DefaultValue("0") int port, @DefaultValue("true") boolean durable,
			@DefaultValue("30s") Duration startupWait, @Nullable DataSize sharedBuffers) {
	}

	/**
	 * The first administrator, created when the user table is empty.
	 *
	 * @param password if empty, a password is generated and printed once in the log
	 */
	public record Admin(@DefaultValue("admin") String username, @Nullable String password) {
	}

	/**
	 * Sign-in rate limit: after {@code maxFailures} wrong passwords for one account
	 * within {@code window}, the account refuses sign-in for {@code lockout}, doubling
	 * with every further failure up to {@code maxLockout}.
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration window,
			@DefaultValue("1m") Duration lockout, @DefaultValue("15m") Duration maxLockout) {
	}

	/**
	 * Live updates (Server-Sent Events, one stream per browser tab).
	 *
	 * @param streamsPerUser tabs of one user with live updates on one node; a further one
	 * closes the oldest
	 * @param streamsPerNode streams one node keeps open; further ones are refused until
	 * some close
	 * @param heartbeat how often an idle stream gets a comment (proxies close idle
	 * connections; a failed write finds a browser that has gone)
	 * @param streamTimeout how long one stream lasts before the browser opens a new one
	 * @param reconnect how long a browser waits before it reopens a dropped stream
	 */
	public record Live(@DefaultValue("8") int streamsPerUser, @DefaultValue("2000") int streamsPerNode,
			@DefaultValue("20s") Duration heartbeat, @DefaultValue("30m") Duration streamTimeout,
			@DefaultValue("3s") Duration reconnect) {
	}

}
