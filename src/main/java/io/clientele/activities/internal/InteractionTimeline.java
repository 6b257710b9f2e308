package io.clientele.activities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;

import io.clientele.activities.CallDirection;
import io.clientele.activities.CallResult;
import io.clientele.activities.InteractionKind;
import io.clientele.activities.InteractionState;
import io.clientele.activities.TimelineEntry;
import io.clientele.activities.TimelineSource;
import io.clientele.activities.TimelineSubject;
import io.clientele.activities.TimelineWindow;
import io.clientele.clients.RecordNames;
import io.clientele.deals.DealQueries;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The interactions of a client or a deal in its timeline. Whoever may see the client (the
 * deal) may see its interactions, so no further condition: one range of
 * {@code interactions_client_at_idx} ({@code interactions_deal_at_idx}) from the cursor.
 */
@Component
class InteractionTimeline implements TimelineSource {

	static final String KEY = "interactions";

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final RecordNames names;

	private final DealQueries deals;

	InteractionTimeline(JdbcClient jdbc, UserDirectory users, RecordNames names, DealQueries deals) {
		this.jdbc = jdbc;
		this.users = users;
		this.names = names;
		this.deals = deals;
	}

	/**
	 * An interaction as a line of the timeline.
	 *
	 * @param dealSubject the deal it is on, named on a client's timeline only
	 */
	record Item(long id, long version, InteractionKind kind, InteractionState state, Instant at, String subject,
			@Nullable String result, @Nullable Integer minutesSpent, String responsibleName, @Nullable Long dealId,
			@Nullable String dealSubject, @Nullable String contactName, @Nullable CallDirection direction,
			@Nullable Integer durationSeconds, @Nullable CallResult callResult) {

		public boolean planned() {
			return state == InteractionState.PLANNED;
		}

		public boolean done() {
			return state == InteractionState.DONE;
		}

		public String href() {
			return "/interactions/" + id;
		}

		public @Nullable String dealHref() {
			return dealId == null ? null : "/deals/" + dealId;
		}

		public String avatarClass() {
			return planned() ? "avatar avatar-sm flex-shrink-0 bg-yellow-lt"
					: "avatar avatar-sm flex-shrink-0 bg-blue-lt";
		}

		public String iconClass() {
			return "ti ti-" + kind.icon();
		}

		public String badgeClass() {
			return planned() ? "badge ms-1 bg-yellow-lt" : "badge ms-1 bg-secondary-lt";
		}

		/** Whether the line under the subject has anything to show. */
		public boolean hasDetails() {
			return dealSubject != null || contactName != null || callResult != null || durationSeconds != null
					|| minutesSpent != null;
		}

		public @Nullable String duration() {
			return durationSeconds == null ? null : "%d:%02d".formatted(durationSeconds / 60, durationSeconds % 60);
		}

	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public List<String> kinds() {
		return Arrays.stream(InteractionKind.values()).map(Enum::name).toList();
	}

	private record Row(long id, long version, InteractionKind kind, InteractionState state, Instant at, String subject,
			@Nullable String result, @Nullable Integer minutesSpent, long responsibleId, @Nullable Long dealId,
			@Nullable Long contactId, @Nullable CallDirection direction, @Nullable Integer durationSeconds,
			@Nullable CallResult callResult) {
	}

	@Override
	public List<TimelineEntry> entries(TimelineSubject subject, TimelineWindow window, CurrentUser reader) {
		List<String> kinds = kinds().stream().filter(window::wants).toList();
		StringBuilder sql = new StringBuilder("""
				select i.id, i.version, i.kind, i.state, i.at, i.subject, i.result, i.minutes_spent, i.responsible_id,
				       i.deal_id, i.contact_id, i.direction, i.duration_seconds, i.call_result
				  from interactions i
				 where i.deleted_at is null
				""");
		sql.append(subject.client() ? " and i.client_id = :subject" : " and i.deal_id = :subject");
		var before = window.upTo();
		if (before != null) {
			sql.append(" and (i.at, i.id) < (:at, :id)");
		}
		if (window.from() != null) {
			sql.append(" and i.at >= :from");
		}
		if (kinds.size() < InteractionKind.values().length) {
			sql.append(" and i.kind = any(:kinds)");
		}
		sql.append(" order by i.at desc, i.id desc limit :limit");
		List<Row> rows = jdbc.sql(sql.toString())
			.param("subject", subject.id())
			.param("at", before == null ? null : utc(before.at()))
			.param("id", before == null ? 0L : before.id())
			.param("from", window.from() == null ? null : utc(window.from()))
			.param("kinds", kinds.toArray(String[]::new))
			.param("limit", window.limit())
			.query(InteractionTimeline::row)
			.list();
		Set<Long> people = new HashSet<>();
		Set<Long> dealIds = new HashSet<>();
		Set<Long> contactIds = new HashSet<>();
		for (Row row : rows) {
			people.add(row.responsibleId());
			if (row.dealId() != null && subject.client()) {
				dealIds.add(row.dealId());
			}
			if (row.contactId() != null) {
				contactIds.add(row.contactId());
			}
		}
		Map<Long, String> userNames = people.isEmpty() ? Map.of() : users.names(people);
		Map<Long, String> dealNames = dealIds.isEmpty() ? Map.of() : deals.subjects(dealIds);
		Map<Long, String> contactNames = contactIds.isEmpty() ? Map.of() : names.contacts(contactIds);
		List<TimelineEntry> entries = new ArrayList<>(rows.size());
		for (Row row : rows) {
			Item item = new Item(row.id(), row.version(), row.kind(), row.state(), row.at(), row.subject(),
					row.result(), row.minutesSpent(), userNames.getOrDefault(row.responsibleId(), "?"), row.dealId(),
					row.dealId() == null ? null : dealNames.get(row.dealId()),
					row.contactId() == null ? null : contactNames.get(row.contactId()), row.direction(),
					row.durationSeconds(), row.callResult());
			entries.add(new TimelineEntry(KEY, row.id(), row.at(), row.kind().name(), "activities/timeline",
					"interaction", item));
		}
		return entries;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("version"), InteractionKind.valueOf(rs.getString("kind")),
				InteractionState.valueOf(rs.getString("state")), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("subject"), rs.getString("result"), rs.getObject("minutes_spent", Integer.class),
				rs.getLong("responsible_id"), rs.getObject("deal_id", Long.class),
				rs.getObject("contact_id", Long.class),
				rs.getString("direction") == null ? null : CallDirection.valueOf(rs.getString("direction")),
				rs.getObject("duration_seconds", Integer.class),
				rs.getString("call_result") == null ? null : CallResult.valueOf(rs.getString("call_result")));
	}

}
