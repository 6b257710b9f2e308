package io.clientele.clients;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.clientele.clients.internal.DuplicateGrouping;
import io.clientele.clients.internal.KeyComparison;
import io.clientele.clients.internal.NameComparison;
import io.clientele.clients.internal.ScanKind;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks through the whole base for duplicates and keeps the groups the duplicates page
 * lists, for clients and then contact persons: names changed since the last scan through
 * the trigram index ({@link NameComparison}), INN, phones, e-mails and names over the
 * whole base by grouping on them ({@link KeyComparison}), then the groups
 * ({@link DuplicateGrouping}). About five minutes on the M data set (a million clients,
 * two million contact persons). It runs every night, when a head or an administrator asks
 * ("Scan now"), and after a restart when a scan was left unfinished. One node of a
 * cluster scans at a time: the scan holds a lease in the database that it renews as it
 * goes; a node that stops mid-scan loses it ten minutes later.
 */
@Service
public class DuplicateScan {

	private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);

	private final NameComparison names;

	private final KeyComparison keys;

	private final DuplicateGrouping grouping;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final String node;

	private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "duplicate-scan");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	DuplicateScan(NameComparison names, KeyComparison keys, DuplicateGrouping grouping, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.names = names;
		this.keys = keys;
		this.grouping = grouping;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = UUID.randomUUID().toString();
	}

	/**
	 * How the scan stands.
	 *
	 * @param running whether some node is scanning now
	 * @param phase message key of the step under way ({@code duplicates.scan.phase.…})
	 * @param finishedAt when the last scan ended, or null if none ever did
	 * @param groups how many groups the last scan found
	 */
	public record Status(boolean running, @Nullable Instant runningSince, @Nullable String phase, long done, long total,
			@Nullable Instant finishedAt, boolean failed, long groups) {

		public int percent() {
			return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}

	}

	public Status status() {
		return jdbc.sql("""
				select running_since is not null and heartbeat_at > now() - interval '10 minutes',
				       running_since, phase, done, total, finished_at, failed, groups
				  from duplicate_scan where id = 1
				""").query((rs, n) -> {
			OffsetDateTime since = rs.getObject(2, OffsetDateTime.class);
			OffsetDateTime finished = rs.getObject(6, OffsetDateTime.class);
			String phase = rs.getString(3);
			return new Status(rs.getBoolean(1), since == null ? null : since.toInstant(),
					phase == null ? null : "duplicates.scan.phase." + phase, rs.getLong(4), rs.getLong(5),
					finished == null ? null : finished.toInstant(), rs.getBoolean(7), rs.getLong(8));
		}).single();
	}

	/**
	 * Starts a scan in the background for a head or an administrator.
	 * @return false when a scan is already running
	 */
	public boolean start(CurrentUser user) {
		if (!user.is(Role.ADMINISTRATOR) && !user.is(Role.HEAD_OF_DEPARTMENT)) {
			throw new AccessDeniedException("Only heads and administrators scan for duplicates");
		}
		if (!takeLease(user.id())) {
			return false;
		}
		background.execute(this::scanHoldingLease);
		return true;
	}

	/**
	 * Starts a scan that compares the names of all records through the trigram index, for
	 * an administrator: it finds typos the keys cannot, but on a large base it takes
	 * hours (it shows its progress and goes on after a restart).
	 * @return false when a scan is already running
	 */
	public boolean startComparingAllNames(CurrentUser user) {
		if (!user.is(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators ask for a comparison of all names");
		}
		if (!takeLease(user.id())) {
			return false;
		}
		try {
			names.compareAllNames();
		}
		catch (RuntimeException ex) {
			releaseLease(false, 0);
			throw ex;
		}
		background.execute(this::scanHoldingLease);
		return true;
	}

	/**
	 * Scans now, in the caller's thread.
	 * @return false when another scan was running, so this one did not
	 */
	public boolean run() {
		if (!takeLease(null)) {
			return false;
		}
		return scanHoldingLease();
	}

	@Scheduled(cron = "${clientele.duplicates.scan-cron:0 30 2 * * *}")
	void nightly() {
		run();
	}

	/** A scan interrupted by a stop goes on where it was. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished() {
		boolean unfinished = jdbc.sql("select exists (select 1 from duplicate_scan_marks where cursor_at is not null)")
			.query(Boolean.class)
			.single();
		if (unfinished && takeLease(null)) {
			background.execute(this::scanHoldingLease);
		}
	}

	@PreDestroy
	void stop() {
		stopping = true;
		background.shutdownNow();
	}

	private boolean scanHoldingLease() {
		boolean complete = false;
		long groups = 0;
		try {
			for (ScanKind kind : ScanKind.values()) {
				if (!names.compareNames(kind, this::heartbeat)) {
					return false;
				}
				if (!heartbeat(kind.type() + ".keys", 0, 0)) {
					return false;
				}
				keys.compareKeys(kind);
				if (!heartbeat(kind.type() + ".groups", 0, 0)) {
					return false;
				}
				groups += grouping.group(kind, pairs -> heartbeat(kind.type() + ".groups", pairs, 0));
			}
			complete = true;
			return true;
		}
		catch (RuntimeException ex) {
			log.error("The scan for duplicates failed", ex);
			return false;
		}
		finally {
			releaseLease(complete, groups);
		}
	}

	private boolean takeLease(@Nullable Long userId) {
		return ownTransaction.execute(status -> jdbc.sql("""
				update duplicate_scan
				   set running_since = now(), heartbeat_at = now(), node = :node, started_by = :user,
				       phase = 'starting', done = 0, total = 0
				 where id = 1 and (running_since is null or heartbeat_at < now() - interval '10 minutes')
				""").param("node", node).param("user", userId).update() == 1);
	}

	/** Renews the lease and tells how far the scan is; false when it must stop. */
	private boolean heartbeat(String phase, long done, long total) {
		if (stopping || Thread.currentThread().isInterrupted()) {
			return false;
		}
		return ownTransaction.execute(status -> jdbc.sql("""
				update duplicate_scan set heartbeat_at = now(), phase = :phase, done = :done, total = :total
				 where id = 1 and node = :node and running_since is not null
				""").param("phase", phase).param("done", done).param("total", total).param("node", node).update() == 1);
	}

	private void releaseLease(boolean complete, long groups) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.sql("""
					update duplicate_scan
					   set running_since = null, heartbeat_at = null, phase = null,
					       finished_at = case when :complete then now() else finished_at end,
					       failed = not :complete, groups = case when :complete then :groups else groups end
					 where id = 1 and node = :node
					""").param("complete", complete).param("groups", groups).param("node", node).update());
		}
		catch (RuntimeException ex) {
			log.warn("Could not release the lease of the scan for duplicates; it runs out by itself", ex);
		}
	}

}
