package io.clientele.clients.internal;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.clientele.clients.ImportState;
import io.clientele.clients.ImportStatus;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node's import worker: one import (or revert) at a time on its own thread, so that
 * an import keeps running when its page is closed, and imports queue rather than compete
 * for the two cores. After a restart it resumes the queue and marks imports that died
 * with a node as failed.
 */
@Component
public class ImportRunner {

	/** A queued import whose node does not take it up within this time is given up. */
	private static final Duration QUEUE_LIMIT = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ImportWorker worker;

	private final ImportStore store;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "import-worker");
		thread.setDaemon(true);
		return thread;
	});

	/** Imports waiting for or running on this node. */
	private final Set<Long> local = ConcurrentHashMap.newKeySet();

	private final TransactionTemplate transaction;

	ImportRunner(ImportWorker worker, ImportStore store, Clock clock, PlatformTransactionManager transactions) {
		this.worker = worker;
		this.store = store;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Runs a queued import on this node. */
	public void submit(long id) {
		local.add(id);
		executor.execute(() -> {
			try {
				worker.run(id);
			}
			finally {
				local.remove(id);
			}
		});
	}

	public void submitRevert(long id, long actorId) {
		local.add(id);
		executor.execute(() -> {
			try {
				worker.revert(id, actorId);
			}
			finally {
				local.remove(id);
			}
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		recover();
	}

	/**
	 * Settles imports no worker holds: a running one failed (its transaction was rolled
	 * back with its node), a revert was rolled back, and a queued one whose file is here
	 * is queued again.
	 */
	public void recover() {
		for (long id : store.working()) {
			if (!local.contains(id) && !worker.held(id)) {
				transaction.executeWithoutResult(tx -> settle(id));
			}
		}
	}

	private void settle(long id) {
		Instant now = clock.instant();
		ImportStatus status = store.get(id, now);
		switch (status.state()) {
			case RUNNING -> {
				log.warn("Import {} was interrupted; nothing of it was written", id);
				store.failed(id, ImportState.FAILED, "import.error.interrupted", now);
			}
			case REVERTING -> store.revertFailed(id, "import.error.revert-interrupted");
			case QUEUED -> {
				if (Files.exists(worker.file(id))) {
					submit(id);
				}
				else if (status.createdAt().plus(QUEUE_LIMIT).isBefore(now)) {
					store.failed(id, ImportState.FAILED, "import.error.interrupted", now);
				}
			}
			default -> {
			}
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
