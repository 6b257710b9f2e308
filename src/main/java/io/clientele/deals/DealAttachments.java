package io.clientele.deals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.clientele.deals.internal.Deal;
import io.clientele.deals.internal.DealStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.ClienteleProperties;
import io.clientele.shared.ClienteleProperties.Attachments.Storage;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import io.clientele.shared.files.FileTypes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to a deal: kept in the database or on disk under CLIENTELE_HOME (the
 * setting {@code clientele.attachments.storage}), at most
 * {@code clientele.attachments.max-size} each, their type told by their bytes (programs
 * refused). Whoever may see the deal may see, add and remove its files; anyone else finds
 * nothing.
 */
@Service
public class DealAttachments {

	private static final Logger log = LoggerFactory.getLogger(DealAttachments.class);

	private final JdbcClient jdbc;

	private final DealStore store;

	private final ClienteleProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DealAttachments(JdbcClient jdbc, DealStore store, ClienteleProperties properties, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.events = events;
	}

	/** A file in the deal's list. */
	public record Attachment(long id, String fileName, String contentType, long size, String uploadedBy,
			Instant uploadedAt) {
	}

	/** A file to download: its bytes, from the database or the disk. */
	public record Content(String fileName, String contentType, long size, InputStream stream) {
	}

	public long maxSize() {
		return properties.attachments().maxSize().toBytes();
	}

	@Transactional(readOnly = true)
	public List<Attachment> of(long dealId, CurrentUser reader) {
		store.visible(dealId, store.visibility(reader.id()));
		return jdbc.sql("""
				select a.id, a.file_name, a.content_type, a.size, coalesce(u.full_name, ''), a.uploaded_at
				  from deal_attachments a left join published_user_names u on u.id = a.uploaded_by
				 where a.deal_id = ? order by a.uploaded_at desc, a.id desc
				""")
			.param(dealId)
			.query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Attaches a file.
	 * @param size the size the upload announced, checked before anything is read
	 * @throws RuleViolation {@code attachment.too-large}, {@code attachment.empty},
	 * {@code attachment.executable}, {@code attachment.type-refused}
	 */
	@Transactional
	public long attach(long dealId, @Nullable String fileName, long size, InputStream content, CurrentUser actor) {
		store.visible(dealId, store.visibility(actor.id()));
		long max = maxSize();
		if (size > max) {
			throw tooLarge(max);
		}
		byte[] bytes;
		try {
			bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (bytes.length > max) {
			throw tooLarge(max);
		}
		if (bytes.length == 0) {
			throw new RuleViolation("file", "attachment.empty");
		}
		String name = Download.safe(fileName == null ? "" : fileName.replaceAll(".*[\\\\/]", ""), "file");
		String type = FileTypes.sniff(bytes, name);
		String path = null;
		if (properties.attachments().storage() == Storage.DISK) {
			path = dealId + "/" + UUID.randomUUID();
			write(path, bytes);
		}
		Instant now = clock.instant();
		long id = jdbc
			.sql("""
					insert into deal_attachments (deal_id, file_name, content_type, size, content, path, uploaded_by, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?) returning id
					""")
			.params(dealId, name, type, bytes.length, path == null ? bytes : null, path, actor.id(),
					now.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		history(dealId, RecordChanged.Action.ATTACHED, List.of(name), actor.id(), now);
		return id;
	}

	/** The file to download; "not found" outside the reader's deals. */
	@Transactional(readOnly = true)
	public Content open(long dealId, long attachmentId, CurrentUser reader) {
		store.visible(dealId, store.visibility(reader.id()));
		return jdbc.sql("""
				select file_name, content_type, size, content, path from deal_attachments where id = ? and deal_id = ?
				""").params(attachmentId, dealId).query((rs, n) -> {
			String path = rs.getString(5);
			InputStream stream = path == null ? new java.io.ByteArrayInputStream(rs.getBytes(4)) : read(path);
			return new Content(rs.getString(1), rs.getString(2), rs.getLong(3), stream);
		}).optional().orElseThrow(() -> new RecordNotFound("Attachment", attachmentId));
	}

	@Transactional
	public void remove(long dealId, long attachmentId, CurrentUser actor) {
		store.visible(dealId, store.visibility(actor.id()));
		Removed removed = jdbc
			.sql("delete from deal_attachments where id = ? and deal_id = ? returning deal_id, file_name, path")
			.params(attachmentId, dealId)
			.query(Removed.class)
			.optional()
			.orElseThrow(() -> new RecordNotFound("Attachment", attachmentId));
		deleteAfterCommit(List.of(removed));
		history(dealId, RecordChanged.Action.DETACHED, List.of(removed.fileName()), actor.id(), clock.instant());
	}

	/**
	 * Removes the files of the deals whose time in the recycle bin is over: such a deal
	 * can no longer be restored or opened, and its files would otherwise fill the
	 * database or the disk for good. The deal's history says which files went.
	 * @return how many files were removed
	 */
	@Transactional
	public int purgeDeletedDeals() {
		Instant now = clock.instant();
		List<Removed> removed = jdbc.sql("""
				delete from deal_attachments a using deals d
				 where d.id = a.deal_id and d.deleted_at < ?
				returning a.deal_id, a.file_name, a.path
				""")
			.param(now.minus(Duration.ofDays(Deal.RESTORABLE_DAYS)).atOffset(ZoneOffset.UTC))
			.query(Removed.class)
			.list();
		deleteAfterCommit(removed);
		removed.stream()
			.collect(Collectors.groupingBy(Removed::dealId, TreeMap::new,
					Collectors.mapping(Removed::fileName, Collectors.toList())))
			.forEach((deal, names) -> history(deal, RecordChanged.Action.DETACHED, names, null, now));
		return removed.size();
	}

	/** A removed row: the file to delete from disk, if it was kept there. */
	private record Removed(long dealId, String fileName, @Nullable String path) {
	}

	/**
	 * Deletes the files of removed rows from disk once the removal has committed: never
	 * before, so that a transaction that rolls back leaves its rows with their files.
	 */
	private void deleteAfterCommit(List<Removed> removed) {
		List<String> paths = removed.stream().map(Removed::path).filter(java.util.Objects::nonNull).toList();
		if (paths.isEmpty()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				for (String path : paths) {
					try {
						Files.deleteIfExists(file(path));
					}
					catch (IOException | RuntimeException ex) {
						log.warn("Could not delete the attachment file {}: {}", path, ex.getMessage());
					}
				}
			}
		});
	}

	private void history(long dealId, RecordChanged.Action action, List<String> fileNames, @Nullable Long actorId,
			Instant at) {
		events.publishEvent(new RecordChanged(DealService.RECORD_TYPE, dealId, action,
				fileNames.stream().map(name -> RecordChanged.FieldChange.of("attachment.file", null, name)).toList(),
				actorId, at));
	}

	private RuleViolation tooLarge(long max) {
		return new RuleViolation("file", "attachment.too-large", max / (1024 * 1024));
	}

	/** Written before the row; removed again if the transaction does not commit. */
	private void write(String path, byte[] bytes) {
		Path file = file(path);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					try {
						Files.deleteIfExists(file);
					}
					catch (IOException ex) {
						log.warn("Could not delete the attachment file {}: {}", path, ex.getMessage());
					}
				}
			}
		});
	}

	private InputStream read(String path) {
		try {
			return Files.newInputStream(file(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path file(String path) {
		Path root = properties.attachmentsDirectory().toAbsolutePath().normalize();
		Path file = root.resolve(path).normalize();
		if (!file.startsWith(root)) {
			throw new IllegalStateException("Attachment path outside the directory: " + path);
		}
		return file;
	}

}
