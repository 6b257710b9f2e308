package io.clientele.clients.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientele.clients.ImportIssue;
import io.clientele.clients.ImportKind;
import io.clientele.clients.ImportState;
import io.clientele.clients.ImportStatus;
import io.clientele.clients.Imports;
import io.clientele.clients.internal.ImportStore.Counts;
import io.clientele.clients.internal.RecordImporter.Row;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordsChanged;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.UnreadableFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import (or its revert) in one transaction, a batch of rows at a time: read and
 * check the rows, look their duplicates up together, {@code COPY} the new records, update
 * the matched ones, report the rest. Progress is written outside the transaction, so that
 * the pages see it; the data, the report and "done" commit together, so that an import
 * stopped in any way (an error, the user, the server dying) wrote nothing.
 */
@Component
public class ImportWorker {

	/** Rows checked, looked up and written together. */
	static final int BATCH = 2_000;

	/** The advisory lock class of import workers; the object is the import's id. */
	private static final int LOCK_CLASS = 7201;

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	private final ImportStore store;

	private final ImportSupport support;

	private final ClientAccess access;

	private final AccessScopes scopes;

	private final UserDirectory users;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate main;

	private final TransactionTemplate separate;

	private final Clock clock;

	private final ClienteleProperties properties;

	ImportWorker(ImportStore store, ImportSupport support, ClientAccess access, AccessScopes scopes,
			UserDirectory users, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Clock clock,
			ClienteleProperties properties) {
		this.store = store;
		this.support = support;
		this.access = access;
		this.scopes = scopes;
		this.users = users;
		this.jdbcTemplate = jdbcTemplate;
		this.main = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.properties = properties;
	}

	/** Where the uploaded file of an import is kept until it has run. */
	public Path file(long id) {
		return properties.home().resolve("imports").resolve(id + ".upload");
	}

	/** Stopped on purpose: by the user, or by the server shutting down. */
	private static final class Stopped extends RuntimeException {

		private final ImportState state;

		private final String reason;

		Stopped(ImportState state, String reason) {
			super(reason, null, false, false);
			this.state = state;
			this.reason = reason;
		}

	}

	/**
	 * Runs a queued import to its end. Whatever happens, the import ends done, failed or
	 * cancelled.
	 */
	public void run(long id) {
		try {
			Boolean done = main.execute(tx -> runInTransaction(id));
			if (Boolean.TRUE.equals(done)) {
				deleteFile(id);
			}
		}
		catch (Stopped stopped) {
			separate.executeWithoutResult(tx -> store.failed(id, stopped.state,
					stopped.state == ImportState.CANCELLED ? null : stopped.reason, clock.instant()));
		}
		catch (UnreadableFile unreadable) {
			List<String> args = java.util.Arrays.stream(unreadable.arguments()).map(String::valueOf).toList();
			separate.executeWithoutResult(
					tx -> store.failed(id, ImportState.FAILED, unreadable.messageKey(), args, clock.instant()));
		}
		catch (RuntimeException ex) {
			log.error("Import {} failed", id, ex);
			separate.executeWithoutResult(
					tx -> store.failed(id, ImportState.FAILED, "import.error.unexpected", clock.instant()));
		}
	}

	private boolean runInTransaction(long id) {
		lock(id);
		Instant now = clock.instant();
		if (!Boolean.TRUE
			.equals(separate.execute(tx -> store.move(id, ImportState.QUEUED, ImportState.RUNNING, now)))) {
			return false;
		}
		ImportStatus status = store.get(id, now);
		ImportContext context = context(status, now);
		RecordImporter importer = importer(status.kind(), context);
		Counts counts = new Counts();
		long rowsRead;
		try (ImportSource source = ImportSource.open(file(id), status.fileName(), status.format(), status.encoding(),
				status.delimiter())) {
			List<String> header = source.header();
			try (PreparedBatches batches = new PreparedBatches("import-" + id, source, importer, status.mapping(),
					BATCH)) {
				long lastProgress = System.nanoTime();
				for (Batch batch = next(batches); batch != null; batch = next(batches)) {
					write(batch, importer, context, status, header, counts);
					if (System.nanoTime() - lastProgress > 250_000_000L) {
						lastProgress = System.nanoTime();
						report(id, batch.progress, batch.rowsRead, counts);
					}
				}
				rowsRead = batches.rowsRead();
			}
		}
		if (counts.created > 0) {
			support.events()
				.publishEvent(new RecordsChanged(status.kind().recordType(), importer.table(), "import_id", id,
						RecordChanged.Action.CREATED, List.of(marker(status)), status.authorId(), now));
		}
		store.done(id, rowsRead, counts, clock.instant());
		return true;
	}

	private static Batch next(PreparedBatches batches) {
		try {
			return batches.next();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Stopped(ImportState.FAILED, "import.error.interrupted");
		}
	}

	private void report(long id, double progress, long rowsRead, Counts counts) {
		if (Thread.currentThread().isInterrupted()) {
			throw new Stopped(ImportState.FAILED, "import.error.interrupted");
		}
		if (Boolean.TRUE.equals(separate.execute(tx -> store.progress(id, progress, rowsRead, counts)))) {
			throw new Stopped(ImportState.CANCELLED, "cancelled");
		}
	}

	static FieldChange marker(ImportStatus status) {
		return FieldChange.of("import.history.field", null, status.fileName() + " · #" + status.id());
	}

	/** The rows read since the last write, checked. */
	static final class Batch {

		final List<Row> rows = new ArrayList<>();

		final Map<Long, List<String>> cells = new HashMap<>();

		final Map<Long, ImportDecisions.Skip> refused = new HashMap<>();

		final List<ImportIssue> notes = new ArrayList<>();

		/**
		 * Rows of the file read up to the end of this batch, and how far into the file.
		 */
		long rowsRead;

		double progress;

		void add(long number, List<String> rowCells, List<String> unmapped, RecordImporter importer,
				Map<Integer, String> mapping) {
			cells.put(number, rowCells);
			try {
				rows.add(importer.prepare(number, ImportValues.of(rowCells, mapping)));
			}
			catch (RuleViolation violation) {
				refused.put(number, ImportDecisions.refusal(violation));
			}
			for (String note : unmapped) {
				notes.add(new ImportIssue(number, ImportIssue.Outcome.NOTED, null, "import.noted.unmapped",
						List.of(note), null, null, List.of()));
			}
		}

	}

	/**
	 * Decides and writes one batch; returns the decisions (for the preview, which writes
	 * nothing).
	 */
	ImportDecisions decide(Batch batch, RecordImporter importer, ImportContext context, ImportStatus status) {
		if (!batch.rows.isEmpty()) {
			importer.lookup(batch.rows);
		}
		List<Long> hiddenOwners = batch.rows.stream()
			.map(row -> row.match)
			.filter(Objects::nonNull)
			.filter(match -> !match.visible())
			.map(RecordImporter.Match::ownerId)
			.distinct()
			.toList();
		ImportDecisions decisions = ImportDecisions.of(batch.rows, status.duplicates(), status.kind().recordType(),
				hiddenOwners.isEmpty() ? Map.of() : users.names(hiddenOwners));
		decisions.skipped.putAll(batch.refused);
		return decisions;
	}

	private void write(Batch batch, RecordImporter importer, ImportContext context, ImportStatus status,
			List<String> header, Counts counts) {
		ImportDecisions decisions = decide(batch, importer, context, status);
		try {
			if (!decisions.create.isEmpty()) {
				importer.create(decisions.create);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY failed", ex);
		}
		if (!decisions.update.isEmpty()) {
			importer.update(decisions.update);
		}
		List<ImportIssue> issues = new ArrayList<>(batch.notes);
		for (Row row : batch.rows) {
			if (row.note != null && !decisions.skipped.containsKey(row.number)) {
				ImportDecisions.Skip note = ImportDecisions.refusal(row.note);
				issues.add(new ImportIssue(row.number, ImportIssue.Outcome.NOTED,
						ImportDecisions.columnTitle(note.fieldKey(), status.mapping(), header), note.reason(),
						note.args(), null, null, List.of()));
			}
		}
		decisions.skipped.forEach((number, skip) -> issues
			.add(decisions.issue(number, skip, batch.cells.get(number), status.mapping(), header)));
		store.issues(status.id(), issues);
		counts.created += decisions.create.size();
		counts.updated += decisions.update.size();
		for (ImportDecisions.Skip skip : decisions.skipped.values()) {
			if (skip.outcome() == ImportIssue.Outcome.REFUSED) {
				counts.refused++;
			}
			else {
				counts.skipped++;
			}
		}
	}

	ImportContext context(ImportStatus status, Instant now) {
		UserSummary author = users.find(status.authorId()).orElseThrow();
		List<UserSummary> assignable = users.activeWithin(scopes.of(author.id()));
		return new ImportContext(status.id(), author, access.of(author.id()), status.duplicates(),
				status.defaultClientId(), support.customFields().of(status.kind().customEntity()), assignable, now);
	}

	RecordImporter importer(ImportKind kind, ImportContext context) {
		String region = properties.phoneRegion();
		return switch (kind) {
			case CLIENT -> new ClientImporter(context, support, region);
			case CONTACT -> new ContactImporter(context, support, region);
			case LEAD -> new LeadImporter(context, support);
		};
	}

	/**
	 * Reverts a done import: deletes what it created (clients and contact persons go to
	 * the recycle bin, leads are removed) and gives updated records their values back.
	 */
	public void revert(long id, long actorId) {
		try {
			main.executeWithoutResult(tx -> {
				lock(id);
				Instant now = clock.instant();
				ImportStatus status = store.get(id, now);
				ImportContext context = context(status, now);
				RecordImporter importer = importer(status.kind(), context);
				FieldChange marker = FieldChange.of("import.history.reverted", null,
						status.fileName() + " · #" + status.id());
				support.events()
					.publishEvent(new RecordsChanged(status.kind().recordType(), importer.table(), "import_id", id,
							RecordChanged.Action.DELETED, List.of(marker), actorId, now));
				if (status.kind() == ImportKind.LEAD) {
					support.jdbc().sql("delete from leads where import_id = ?").param(id).update();
				}
				else {
					support.jdbc()
						.sql("update " + importer.table() + " set deleted_at = ?, deleted_by = ?, version = version + 1"
								+ " where import_id = ? and deleted_at is null")
						.params(java.sql.Timestamp.from(now), actorId, id)
						.update();
				}
				importer.restoreUpdated();
				for (Long recordId : support.jdbc()
					.sql("select record_id from import_updates where import_id = ? order by record_id")
					.param(id)
					.query(Long.class)
					.list()) {
					support.events()
						.publishEvent(new RecordChanged(status.kind().recordType(), recordId,
								RecordChanged.Action.UPDATED, List.of(marker), actorId, now));
				}
				store.reverted(id, actorId, now);
			});
		}
		catch (RuntimeException ex) {
			log.error("Reverting import {} failed", id, ex);
			separate.executeWithoutResult(tx -> store.revertFailed(id, "import.error.unexpected"));
		}
	}

	/**
	 * Whether a worker (on any node) holds the import; false means whatever state it
	 * shows, nobody is working on it.
	 */
	public boolean held(long id) {
		Boolean free = separate.execute(tx -> jdbcTemplate.queryForObject("select pg_try_advisory_xact_lock(?, ?)",
				Boolean.class, LOCK_CLASS, (int) id));
		return !Boolean.TRUE.equals(free);
	}

	private void lock(long id) {
		jdbcTemplate.queryForObject("select pg_advisory_xact_lock(?, ?)::text", String.class, LOCK_CLASS, (int) id);
	}

	/** Opens the import's file. */
	public ImportSource open(ImportStatus status) {
		return ImportSource.open(file(status.id()), status.fileName(), status.format(), status.encoding(),
				status.delimiter());
	}

	/**
	 * The first rows as the import would take them, checked and looked up in the caller's
	 * (read-only) transaction.
	 */
	public List<Imports.PreviewRow> preview(ImportStatus status, int rows, Instant now) {
		ImportContext context = context(status, now);
		RecordImporter importer = importer(status.kind(), context);
		Batch batch = new Batch();
		try (ImportSource source = open(status)) {
			for (List<String> cells = source.next(); cells != null
					&& batch.cells.size() < rows; cells = source.next()) {
				batch.add(source.rowNumber(), cells, List.of(), importer, status.mapping());
			}
		}
		ImportDecisions decisions = decide(batch, importer, context, status);
		List<Imports.PreviewRow> preview = new ArrayList<>();
		batch.cells.keySet().stream().sorted().forEach(number -> {
			List<String> cells = batch.cells.get(number);
			ImportDecisions.Skip skip = decisions.skipped.get(number);
			if (skip != null) {
				preview.add(new Imports.PreviewRow(number, cells, skip.outcome().name(),
						ImportDecisions.columnTitle(skip.fieldKey(), status.mapping(), status.header()), skip.reason(),
						skip.args()));
			}
			else {
				boolean update = decisions.update.stream().anyMatch(row -> row.number == number);
				preview.add(new Imports.PreviewRow(number, cells, update ? "UPDATE" : "CREATE", null,
						update ? "import.preview.updates" : null,
						update ? List.of(decisions.update.stream()
							.filter(row -> row.number == number)
							.findFirst()
							.orElseThrow().match.name()) : List.of()));
			}
		});
		return preview;
	}

	void deleteFile(long id) {
		try {
			Files.deleteIfExists(file(id));
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file of import {}", id, ex);
		}
	}

}
