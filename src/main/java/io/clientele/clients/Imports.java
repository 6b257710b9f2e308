package io.clientele.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ImportRunner;
import io.clientele.clients.internal.ImportSource;
import io.clientele.clients.internal.ImportStore;
import io.clientele.clients.internal.ImportWorker;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.customfields.CustomFields;
import io.clientele.shared.files.UnreadableFile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing clients, contact persons and leads from CSV, XLSX and vCard files: upload,
 * map the columns (suggested from their titles and the user's earlier choices), preview,
 * run in the background, read the report, revert within 30 days. An import is seen and
 * handled by its author and by administrators.
 */
@Service
public class Imports {

	/** Rows the preview shows. */
	public static final int PREVIEW_ROWS = 20;

	private final ImportStore store;

	private final ImportWorker worker;

	private final ImportRunner runner;

	private final CustomFields customFields;

	private final ClientService clients;

	private final ClientAccess access;

	private final Clock clock;

	Imports(ImportStore store, ImportWorker worker, ImportRunner runner, CustomFields customFields,
			ClientService clients, ClientAccess access, Clock clock) {
		this.store = store;
		this.worker = worker;
		this.runner = runner;
		this.customFields = customFields;
		this.clients = clients;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * A field a column can be mapped to.
	 *
	 * @param key {@link ImportField#key()} or {@code custom:<key>}
	 * @param label a message key, or the custom field's own label when {@code literal}
	 */
	public record FieldOption(String key, String label, boolean literal, boolean repeatable) {
	}

	/**
	 * What the mapping page shows.
	 *
	 * @param samples the first rows of the file
	 * @param mapping the saved mapping, or the suggested one for a new import
	 */
	public record Setup(ImportStatus status, List<List<String>> samples, Map<Integer, String> mapping,
			List<FieldOption> fields, boolean fixedColumns) {
	}

	/**
	 * A row as the import would take it.
	 *
	 * @param outcome {@code CREATE}, {@code UPDATE}, {@code SKIPPED} or {@code REFUSED}
	 * @param reason message key of why it is skipped or refused, with its arguments
	 */
	public record PreviewRow(long rowNumber, List<String> cells, String outcome, @Nullable String column,
			@Nullable String reason, List<String> reasonArgs) {
	}

	/**
	 * Keeps the uploaded file and reads its header.
	 * @param encoding a CSV file's encoding, or null to detect it
	 * @param delimiter a CSV file's field separator, or null to detect it
	 * @throws UnreadableFile when the file is neither CSV, XLSX nor vCard, or is damaged
	 */
	public long upload(ImportKind kind, String fileName, InputStream content, @Nullable String encoding,
			@Nullable Character delimiter, CurrentUser actor) {
		String name = fileName == null || fileName.isBlank() ? "import" : Path.of(fileName).getFileName().toString();
		Path directory = worker.file(0).getParent();
		Path upload;
		try {
			Files.createDirectories(directory);
			upload = Files.createTempFile(directory, "upload-", ".part");
			Files.copy(content, upload, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			long size = Files.size(upload);
			if (size == 0) {
				throw new UnreadableFile("import.file.empty", name);
			}
			String format;
			List<String> header;
			String detectedEncoding = null;
			Character detectedDelimiter = null;
			Map<Integer, String> mapping = Map.of();
			if (isVCard(upload, name)) {
				if (kind != ImportKind.CONTACT) {
					throw new RuleViolation("kind", "import.vcard-is-contacts");
				}
				format = "VCARD";
				header = fixedHeader();
				mapping = fixedMapping();
			}
			else {
				try (var reader = io.clientele.shared.files.TabularFile.open(upload, name,
						new io.clientele.shared.files.CsvSettings(
								encoding == null ? null : java.nio.charset.Charset.forName(encoding), delimiter))) {
					header = reader.header();
					format = reader.detected().format().name();
					detectedEncoding = reader.detected().charset() == null ? null : reader.detected().charset().name();
					detectedDelimiter = reader.detected().delimiter();
				}
				if (header.stream().allMatch(String::isBlank)) {
					throw new UnreadableFile("import.file.no-header", name);
				}
			}
			long id = store.create(kind, name, size, format, detectedEncoding, detectedDelimiter, header, mapping,
					actor.id(), clock.instant());
			Files.move(upload, worker.file(id), StandardCopyOption.REPLACE_EXISTING);
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(upload);
			}
			catch (IOException ignored) {
				// a temporary file; the next upload does not need it gone
			}
		}
	}

	@Transactional(readOnly = true)
	public ImportStatus status(long id, CurrentUser reader) {
		ImportStatus status = visible(id, reader);
		if (status.state().working()) {
			runner.recover();
			return store.get(id, clock.instant());
		}
		return status;
	}

	@Transactional(readOnly = true)
	public List<ImportStatus> recent(CurrentUser reader) {
		return store.recent(reader.is(Role.ADMINISTRATOR) ? null : reader.id(), 50, clock.instant());
	}

	@Transactional(readOnly = true)
	public Setup setup(long id, CurrentUser reader) {
		ImportStatus status = visible(id, reader);
		List<List<String>> samples = new ArrayList<>();
		boolean fixed = "VCARD".equals(status.format());
		if (Files.exists(worker.file(id))) {
			try (var source = worker.open(status)) {
				for (List<String> row = source.next(); row != null && samples.size() < 5; row = source.next()) {
					samples.add(row);
				}
			}
		}
		Map<Integer, String> mapping = status.mapping().isEmpty() && !fixed
				? suggest(status.kind(), status.header(), reader) : status.mapping();
		return new Setup(status, samples, mapping, fields(status.kind()), fixed);
	}

	/** The fields of a kind, custom ones included. */
	@Transactional(readOnly = true)
	public List<FieldOption> fields(ImportKind kind) {
		List<FieldOption> options = new ArrayList<>();
		for (ImportField field : ImportField.of(kind)) {
			options.add(new FieldOption(field.key(), field.messageKey(), false, field.repeatable()));
		}
		for (CustomField field : customFields.of(kind.customEntity())) {
			options.add(new FieldOption(ImportField.CUSTOM_PREFIX + field.key(), field.label(), true, false));
		}
		return options;
	}

	private Map<Integer, String> suggest(ImportKind kind, List<String> header, CurrentUser reader) {
		Map<String, String> remembered = store.remembered(reader.id(), kind, header);
		List<FieldOption> options = fields(kind);
		Set<String> known = new HashSet<>(options.stream().map(FieldOption::key).toList());
		Set<String> used = new HashSet<>();
		Map<Integer, String> mapping = new LinkedHashMap<>();
		for (int column = 0; column < header.size(); column++) {
			String title = header.get(column);
			if (title.isBlank()) {
				continue;
			}
			String chosen = remembered.get(ImportStore.titleKey(title));
			if (chosen == null || !known.contains(chosen)) {
				chosen = null;
				for (ImportField field : ImportField.of(kind)) {
					if (field.titled(title) && (field.repeatable() || !used.contains(field.key()))) {
						chosen = field.key();
						break;
					}
				}
			}
			if (chosen == null) {
				for (FieldOption option : options) {
					if (option.literal() && option.label().equalsIgnoreCase(title.strip())) {
						chosen = option.key();
						break;
					}
				}
			}
			if (chosen != null && (!used.contains(chosen) || isRepeatable(chosen))) {
				mapping.put(column, chosen);
				used.add(chosen);
			}
		}
		return mapping;
	}

	private static boolean isRepeatable(String key) {
		return ImportField.byKey(key).map(ImportField::repeatable).orElse(false);
	}

	/**
	 * Saves the mapping and the duplicate policy, checked: every field known, a field
	 * that takes one value mapped once, and what a record needs mapped.
	 */
	@Transactional
	public void configure(long id, long version, Map<Integer, String> mapping, DuplicatePolicy duplicates,
			@Nullable Long defaultClientId, CurrentUser actor) {
		ImportStatus status = visible(id, actor);
		if (status.state() != ImportState.DRAFT) {
			throw new RuleViolation(null, "import.not-a-draft");
		}
		Set<String> known = new HashSet<>(fields(status.kind()).stream().map(FieldOption::key).toList());
		Set<String> used = new HashSet<>();
		for (var entry : mapping.entrySet()) {
			String field = entry.getValue();
			if (!known.contains(field)) {
				throw new RuleViolation("column" + entry.getKey(), "import.mapping.unknown-field", field);
			}
			if (!used.add(field) && !isRepeatable(field)) {
				throw new RuleViolation("column" + entry.getKey(), "import.mapping.twice");
			}
		}
		requireNeeded(status.kind(), used, defaultClientId);
		if (defaultClientId != null && !clients.visible(defaultClientId, actor)) {
			throw new RuleViolation("defaultClientId", "contact.client-not-found");
		}
		store.configure(id, version, mapping, duplicates, status.kind() == ImportKind.CONTACT ? defaultClientId : null);
		if (!"VCARD".equals(status.format())) {
			store.remember(actor.id(), status.kind(), status.header(), mapping, clock.instant());
		}
	}

	private static void requireNeeded(ImportKind kind, Set<String> used, @Nullable Long defaultClientId) {
		boolean personName = used.contains(ImportField.FULL_NAME.key()) || used.contains(ImportField.LAST_NAME.key())
				|| used.contains(ImportField.FIRST_NAME.key());
		switch (kind) {
			case CLIENT -> {
				if (!personName && !used.contains(ImportField.NAME.key())) {
					throw new RuleViolation("mapping", "import.mapping.needs-name");
				}
			}
			case CONTACT -> {
				if (!personName) {
					throw new RuleViolation("mapping", "import.mapping.needs-person-name");
				}
				if (defaultClientId == null && !used.contains(ImportField.COMPANY.key())
						&& !used.contains(ImportField.COMPANY_INN.key())) {
					throw new RuleViolation("defaultClientId", "import.mapping.needs-client");
				}
			}
			case LEAD -> {
				if (!used.contains(ImportField.NAME.key())) {
					throw new RuleViolation("mapping", "import.mapping.needs-name");
				}
				if (!used.contains(ImportField.PHONE.key()) && !used.contains(ImportField.EMAIL.key())) {
					throw new RuleViolation("mapping", "import.mapping.needs-phone-or-email");
				}
			}
		}
	}

	/** The first rows as the import would take them; nothing is written. */
	@Transactional(readOnly = true)
	public List<PreviewRow> preview(long id, CurrentUser reader) {
		ImportStatus status = visible(id, reader);
		return worker.preview(status, PREVIEW_ROWS, clock.instant());
	}

	/** Queues the import (a draft, or a failed one whose file is still here) to run. */
	@Transactional
	public void start(long id, CurrentUser actor) {
		ImportStatus status = visible(id, actor);
		if (status.mapping().isEmpty()) {
			throw new RuleViolation("mapping", "import.mapping.empty");
		}
		if (!Files.exists(worker.file(id))) {
			throw new RuleViolation(null, "import.file.gone");
		}
		Instant now = clock.instant();
		boolean queued = false;
		for (ImportState from : EnumSet.of(ImportState.DRAFT, ImportState.FAILED, ImportState.CANCELLED)) {
			queued = queued || store.move(id, from, ImportState.QUEUED, now);
		}
		if (!queued) {
			throw new RuleViolation(null, "import.not-startable");
		}
		afterCommit(() -> runner.submit(id));
	}

	@Transactional
	public void cancel(long id, CurrentUser actor) {
		visible(id, actor);
		if (!store.move(id, ImportState.QUEUED, ImportState.CANCELLED, clock.instant())) {
			store.requestCancel(id);
		}
	}

	/**
	 * Reverts the import in the background: what it created is deleted, what it updated
	 * gets its values back.
	 */
	@Transactional
	public void revert(long id, CurrentUser actor) {
		ImportStatus status = visible(id, actor);
		if (!status.revertible()) {
			throw new RuleViolation(null,
					status.state() == ImportState.DONE ? "import.revert.too-late" : "import.revert.not-done");
		}
		if (!store.move(id, ImportState.DONE, ImportState.REVERTING, clock.instant())) {
			throw new RuleViolation(null, "import.revert.not-done");
		}
		afterCommit(() -> runner.submitRevert(id, actor.id()));
	}

	/** The reported rows, in row order, page by page. */
	@Transactional(readOnly = true)
	public List<ImportIssue> issues(long id, long afterRow, int limit, CurrentUser reader) {
		visible(id, reader);
		return store.issues(id, afterRow, limit);
	}

	/** Every reported row, in row order, without holding them all at once. */
	@Transactional(readOnly = true)
	public void eachIssue(long id, CurrentUser reader, Consumer<ImportIssue> consumer) {
		visible(id, reader);
		long after = 0;
		while (true) {
			List<ImportIssue> page = store.issues(id, after, 1_000);
			page.forEach(consumer);
			if (page.size() < 1_000) {
				return;
			}
			after = page.get(page.size() - 1).rowNumber();
		}
	}

	private ImportStatus visible(long id, CurrentUser reader) {
		ImportStatus status = store.get(id, clock.instant());
		if (status.authorId() != reader.id() && !reader.is(Role.ADMINISTRATOR)) {
			throw new RecordNotFound("import", id);
		}
		return status;
	}

	private static boolean isVCard(Path file, String name) {
		return ImportSource.isVCard(file, name);
	}

	private static List<String> fixedHeader() {
		return ImportSource.CardSource.HEADER;
	}

	private static Map<Integer, String> fixedMapping() {
		return ImportSource.CardSource.MAPPING;
	}

	private static void afterCommit(Runnable action) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						action.run();
					}
				});
		}
		else {
			action.run();
		}
	}

}
