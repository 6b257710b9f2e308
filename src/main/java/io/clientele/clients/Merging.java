package io.clientele.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.clientele.clients.internal.ClientAccess;
import io.clientele.clients.internal.ClientMerger;
import io.clientele.clients.internal.ClientMerger.Merged;
import io.clientele.clients.internal.ContactMerger;
import io.clientele.clients.internal.MergeLedger;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.shared.RecordChanged;
import io.clientele.shared.RecordChanged.FieldChange;
import io.clientele.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging duplicates, for heads (within their department tree) and administrators: two
 * clients or two contact persons compared field by field, one merged into the other in
 * one transaction, and undone within 30 days. Both records get a history entry each time;
 * other modules move their own references on {@link RecordsMerged} and
 * {@link MergeUndone}.
 * <p>
 * Undoing is refused when the survivor is gone (deleted, or itself merged into another),
 * after 30 days, and while a later merge into the same survivor is in force (undo that
 * one first). Values of the survivor edited after the merge are kept; only those the
 * merge set and nobody changed since go back.
 */
@Service
public class Merging {

	private static final int RECENT = 50;

	private final ClientMerger clientMerger;

	private final ContactMerger contactMerger;

	private final MergeLedger ledger;

	private final ClientAccess access;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Merging(ClientMerger clientMerger, ContactMerger contactMerger, MergeLedger ledger, ClientAccess access,
			UserDirectory users, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.clientMerger = clientMerger;
		this.contactMerger = contactMerger;
		this.ledger = ledger;
		this.access = access;
		this.users = users;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Two records side by side.
	 * @param survivorId the one to keep, or null to take the suggestion
	 */
	@Transactional(readOnly = true)
	public MergeComparison compare(String type, long firstId, long secondId, @Nullable Long survivorId,
			CurrentUser reader) {
		mayMerge(reader);
		return switch (type) {
			case ClientService.RECORD_TYPE -> clientMerger.compare(firstId, secondId, survivorId, reader);
			case ContactService.RECORD_TYPE -> contactMerger.compare(firstId, secondId, survivorId, reader);
			default -> throw new RecordNotFound("Merge", type);
		};
	}

	/**
	 * Merges one record into the other.
	 * @return the merge's id (to undo it)
	 * @throws io.clientele.shared.ConcurrentEdit when either record changed since the
	 * user compared them
	 */
	@Transactional
	public long merge(MergeRequest request, CurrentUser actor) {
		mayMerge(actor);
		Instant now = clock.instant();
		Merged merged = switch (request.type()) {
			case ClientService.RECORD_TYPE -> clientMerger.merge(request, actor, now);
			case ContactService.RECORD_TYPE -> contactMerger.merge(request, actor, now);
			default -> throw new RecordNotFound("Merge", request.type());
		};
		events.publishEvent(new RecordsMerged(request.type(), merged.survivorId(), merged.mergedId(), merged.mergeId(),
				actor.id(), now));
		List<FieldChange> survivorLines = new ArrayList<>();
		survivorLines.add(FieldChange.of("merge.field.absorbed", null, label(merged.mergedName(), merged.mergedId())));
		survivorLines.addAll(merged.survivorChanges());
		events.publishEvent(new RecordChanged(request.type(), merged.survivorId(), RecordChanged.Action.MERGED,
				survivorLines, actor.id(), now));
		events.publishEvent(new RecordChanged(
				request.type(), merged.mergedId(), RecordChanged.Action.MERGED, List.of(FieldChange
					.of("merge.field.merged-into", null, label(merged.survivorName(), merged.survivorId()))),
				actor.id(), now));
		return merged.mergeId();
	}

	/**
	 * Undoes a merge: the merged record comes back with its links, the survivor gets back
	 * the values the merge changed.
	 * @return the survivor, to show it
	 */
	@Transactional
	public MergeSummary undo(long mergeId, CurrentUser actor) {
		mayMerge(actor);
		Instant now = clock.instant();
		String type = ledger.typeOf(mergeId);
		Merged undone = ClientService.RECORD_TYPE.equals(type) ? clientMerger.undo(mergeId, actor, now)
				: contactMerger.undo(mergeId, actor, now);
		events.publishEvent(new MergeUndone(type, undone.survivorId(), undone.mergedId(), mergeId, actor.id(), now));
		List<FieldChange> survivorLines = new ArrayList<>();
		survivorLines.add(FieldChange.of("merge.field.separated", label(undone.mergedName(), undone.mergedId()), null));
		survivorLines.addAll(undone.survivorChanges());
		events.publishEvent(new RecordChanged(type, undone.survivorId(), RecordChanged.Action.UNMERGED, survivorLines,
				actor.id(), now));
		events.publishEvent(new RecordChanged(
				type, undone.mergedId(), RecordChanged.Action.UNMERGED, List.of(FieldChange
					.of("merge.field.merged-into", label(undone.survivorName(), undone.survivorId()), null)),
				actor.id(), now));
		return new MergeSummary(mergeId, type, undone.survivorId(), undone.survivorName(), undone.mergedId(),
				undone.mergedName(), now, actor.displayName(), now, false);
	}

	/**
	 * The merges into a record the reader is looking at, still in force and within 30
	 * days, newest first: the card tells of them and offers to undo the latest.
	 */
	@Transactional(readOnly = true)
	public List<MergeSummary> into(String type, long survivorId, CurrentUser reader) {
		String table = table(type);
		return summaries(jdbc.sql("""
				select m.id, m.record_type, m.survivor_id, s.%2$s, m.merged_id, x.%2$s, m.merged_at, m.merged_by,
				       m.id = max(m.id) over () as latest
				  from merges m join %1$s s on s.id = m.survivor_id join %1$s x on x.id = m.merged_id
				 where m.record_type = :type and m.survivor_id = :id and m.undone_at is null and m.merged_at >= :since
				 order by m.id desc
				""".formatted(table, nameColumn(type))).param("type", type).param("id", survivorId), reader);
	}

	/**
	 * The merges of the last 30 days still in force whose survivor the reader may see,
	 * newest first.
	 * @param before only merges older than this one (the next page)
	 */
	@Transactional(readOnly = true)
	public List<MergeSummary> recent(@Nullable Long before, CurrentUser reader) {
		mayMerge(reader);
		var visibility = access.of(reader.id());
		// Merges are few next to records: the newest are read by primary key and
		// filtered.
		return summaries(visibility.bind(jdbc.sql("""
				select * from (
				  select m.id, m.record_type, m.survivor_id, s.name, m.merged_id, x.name, m.merged_at, m.merged_by,
				         not exists (select 1 from merges l where l.record_type = m.record_type
				                        and l.survivor_id = m.survivor_id and l.id > m.id and l.undone_at is null)
				    from merges m join clients s on s.id = m.survivor_id join clients x on x.id = m.merged_id
				   where m.record_type = 'client' and m.undone_at is null and m.merged_at >= :since and m.id < :before
				     and s.deleted_at is null and %1$s
				  union all
				  select m.id, m.record_type, m.survivor_id, s.full_name, m.merged_id, x.full_name, m.merged_at,
				         m.merged_by,
				         not exists (select 1 from merges l where l.record_type = m.record_type
				                        and l.survivor_id = m.survivor_id and l.id > m.id and l.undone_at is null)
				    from merges m join contacts s on s.id = m.survivor_id join contacts x on x.id = m.merged_id
				   where m.record_type = 'contact' and m.undone_at is null and m.merged_at >= :since and m.id < :before
				     and s.deleted_at is null and %2$s
				) recent order by 1 desc limit :limit
				""".formatted(visibility.sqlCondition("s"),
				DuplicateGroups.visible(ContactService.RECORD_TYPE, "s", visibility))))
			.param("before", before == null ? Long.MAX_VALUE : before)
			.param("limit", RECENT), reader);
	}

	/**
	 * The records merged into this one (and into those), by id with their names: the card
	 * shows their history with its own.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> absorbed(String type, long id) {
		List<Long> ids = ledger.absorbedInto(type, id);
		Map<Long, String> names = new java.util.LinkedHashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, %s from %s where id = any(:ids) order by id".formatted(nameColumn(type), table(type)))
				.param("ids", ids.toArray(Long[]::new))
				.query((java.sql.ResultSet rs) -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Only heads and administrators merge; anyone else is refused (403). */
	static void mayMerge(CurrentUser user) {
		if (!user.is(Role.ADMINISTRATOR) && !user.is(Role.HEAD_OF_DEPARTMENT)) {
			throw new AccessDeniedException("Only heads and administrators merge duplicates");
		}
	}

	private List<MergeSummary> summaries(JdbcClient.StatementSpec statement, CurrentUser reader) {
		Instant now = clock.instant();
		boolean mayUndo = reader.is(Role.ADMINISTRATOR) || reader.is(Role.HEAD_OF_DEPARTMENT);
		record Row(long id, String type, long survivorId, String survivorName, long mergedId, String mergedName,
				Instant mergedAt, @Nullable Long mergedBy, boolean latest) {
		}
		List<Row> rows = statement.param("since", now.minus(MergeLedger.UNDOABLE).atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getObject(8, Long.class),
					rs.getBoolean(9)))
			.list();
		Map<Long, String> names = users.names(rows.stream().map(Row::mergedBy).filter(Objects::nonNull).toList());
		return rows.stream()
			.map(row -> new MergeSummary(row.id(), row.type(), row.survivorId(), row.survivorName(), row.mergedId(),
					row.mergedName(), row.mergedAt(), row.mergedBy() == null ? null : names.get(row.mergedBy()),
					row.mergedAt().plus(MergeLedger.UNDOABLE), mayUndo && row.latest()))
			.toList();
	}

	private static String label(String name, long id) {
		return name + " (#" + id + ")";
	}

	private static String table(String type) {
		return DuplicateGroups.table(type);
	}

	private static String nameColumn(String type) {
		return ClientService.RECORD_TYPE.equals(type) ? "name" : "full_name";
	}

}
