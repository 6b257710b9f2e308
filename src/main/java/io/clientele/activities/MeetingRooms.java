package io.clientele.activities;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting rooms as a bookable resource: an administrator keeps the list; anyone books a
 * room for a time, and the database refuses a booking that overlaps another of the same
 * room (an exclusion constraint), so two people can never hold it at once. A booking is
 * in the booker's calendar and moves there like any other planned thing. A planned
 * meeting may hold a booking ({@link #hold}): it moves, and ends, only with the meeting.
 */
@Service
public class MeetingRooms implements CalendarSource {

	static final String KIND = "room-booking";

	/** The longest booking: a day. */
	static final Duration LONGEST = Duration.ofHours(24);

	private final JdbcClient jdbc;

	MeetingRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Room(long id, String name, @Nullable Integer capacity, boolean active) {
	}

	/**
	 * A room's booking.
	 *
	 * @param subjectKind what holds it ({@code interaction}: a meeting), or null for a
	 * booking of its own
	 */
	public record Booking(long id, long roomId, String roomName, long bookedBy, String bookedByName, String title,
			Instant startsAt, Instant endsAt, @Nullable String subjectKind, @Nullable Long subjectId) {

		/** Whether a meeting holds it: it moves and ends with the meeting. */
		public boolean held() {
			return subjectKind != null;
		}

	}

	@Transactional(readOnly = true)
	public List<Room> rooms() {
		return jdbc.sql("select id, name, capacity, active from meeting_rooms order by active desc, lower(name), id")
			.query((rs, n) -> new Room(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class),
					rs.getBoolean(4)))
			.list();
	}

	@Transactional
	public long addRoom(String name, @Nullable Integer capacity, CurrentUser actor) {
		administrator(actor);
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new RuleViolation("name", "room.name-invalid");
		}
		if (capacity != null && (capacity < 1 || capacity > 10_000)) {
			throw new RuleViolation("capacity", "room.capacity-invalid");
		}
		try {
			return jdbc.sql("insert into meeting_rooms (name, capacity) values (?, ?) returning id")
				.params(trimmed, capacity)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RuleViolation("name", "room.name-taken", trimmed);
		}
	}

	@Transactional
	public void setActive(long roomId, boolean active, CurrentUser actor) {
		administrator(actor);
		if (jdbc.sql("update meeting_rooms set active = ? where id = ?").params(active, roomId).update() == 0) {
			throw new RecordNotFound("Room", roomId);
		}
	}

	/**
	 * Books a room.
	 * @param subjectKind what the booking is for ({@code interaction} for a meeting), or
	 * null
	 * @throws RuleViolation when the room is taken at that time (the message names who
	 * holds it), switched off, or the times are wrong
	 */
	@Transactional
	public long book(long roomId, String title, Instant start, Instant end, CurrentUser actor,
			@Nullable String subjectKind, @Nullable Long subjectId) {
		checkTimes(start, end);
		Room room = room(roomId);
		if (!room.active()) {
			throw new RuleViolation("roomId", "room.inactive", room.name());
		}
		String text = title == null ? "" : title.strip();
		if (text.isEmpty() || text.length() > 300) {
			throw new RuleViolation("title", "room.title-invalid");
		}
		refuseOverlap(room, start, end, null, "start");
		try {
			return jdbc.sql("""
					insert into room_bookings (room_id, booked_by, title, starts_at, ends_at, subject_kind, subject_id)
					values (?, ?, ?, ?, ?, ?, ?) returning id
					""")
				.params(roomId, actor.id(), text, Timestamp.from(start), Timestamp.from(end), subjectKind, subjectId)
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			// booked by someone else between the check and the insert
			throw new RuleViolation("start", "room.taken-briefly", room.name());
		}
	}

	/** The bookings of a room that overlap the period: its busy times. */
	@Transactional(readOnly = true)
	public List<Booking> bookings(long roomId, Instant from, Instant to) {
		return jdbc.sql(BOOKINGS + " where b.room_id = ? and b.starts_at < ? and b.ends_at > ? order by b.starts_at")
			.params(roomId, Timestamp.from(to), Timestamp.from(from))
			.query(MeetingRooms::booking)
			.list();
	}

	/** Cancels a booking: its booker or an administrator. */
	@Transactional
	public void cancel(long bookingId, CurrentUser actor) {
		Booking booking = booking(bookingId);
		mayChange(booking, actor);
		jdbc.sql("delete from room_bookings where id = ?").param(bookingId).update();
	}

	@Override
	public boolean offers(String kind) {
		return KIND.equals(kind);
	}

	/**
	 * The users' bookings of their own: the rooms' schedule is public within the company.
	 * A booking a meeting holds is not among them: the meeting is in the calendar, with
	 * the room as its place.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<CalendarItem> items(Collection<Long> userIds, Instant from, Instant to, CurrentUser reader) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql(BOOKINGS
					+ " where b.booked_by = any(?) and b.subject_kind is null and b.starts_at < ? and b.ends_at > ?"
					+ " order by b.starts_at")
			.params(userIds.toArray(Long[]::new), Timestamp.from(to), Timestamp.from(from))
			.query(MeetingRooms::booking)
			.list()
			.stream()
			.map(b -> new CalendarItem(KIND, b.id(), b.bookedBy(), b.title(), b.startsAt(), b.endsAt(), false,
					"/calendar/rooms?room=" + b.roomId(), b.bookedBy() == reader.id() || reader.is(Role.ADMINISTRATOR),
					b.roomName()))
			.toList();
	}

	/** A booking of its own is public within the company, like the rooms' schedule. */
	@Override
	public Set<Long> visible(String kind, Collection<Long> ids, CurrentUser reader) {
		return Set.copyOf(ids);
	}

	@Override
	@Transactional
	public void move(String kind, long id, Instant start, Instant end, CurrentUser actor) {
		checkTimes(start, end);
		Booking booking = booking(id);
		mayChange(booking, actor);
		Room room = room(booking.roomId());
		refuseOverlap(room, start, end, id, "start");
		try {
			jdbc.sql("update room_bookings set starts_at = ?, ends_at = ?, version = version + 1 where id = ?")
				.params(Timestamp.from(start), Timestamp.from(end), id)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new RuleViolation("start", "room.taken-briefly", room.name());
		}
	}

	static final String BOOKINGS = """
			select b.id, b.room_id, r.name, b.booked_by, coalesce(u.full_name, ''), b.title, b.starts_at, b.ends_at,
			       b.subject_kind, b.subject_id
			  from room_bookings b join meeting_rooms r on r.id = b.room_id left join users u on u.id = b.booked_by
			""";

	static Booking booking(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Booking(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
				rs.getObject(10, Long.class));
	}

	private Booking booking(long id) {
		return jdbc.sql(BOOKINGS + " where b.id = ?")
			.param(id)
			.query(MeetingRooms::booking)
			.optional()
			.orElseThrow(() -> new RecordNotFound("Booking", id));
	}

	Room room(long id) {
		return rooms().stream()
			.filter(room -> room.id() == id)
			.findFirst()
			.orElseThrow(() -> new RuleViolation("roomId", "room.unknown"));
	}

	/**
	 * Refuses a time that overlaps another booking of the room, naming the one in the
	 * way: its title if it is a booking of its own (public), only its time and booker if
	 * a meeting holds it (whose subject not everyone may read). (The exclusion constraint
	 * refuses what gets past this check at the same moment.)
	 */
	void refuseOverlap(Room room, Instant start, Instant end, @Nullable Long except, String field) {
		for (Booking other : bookings(room.id(), start, end)) {
			if (except == null || other.id() != except) {
				if (other.held()) {
					throw new RuleViolation(field, "room.taken-by-meeting", room.name(), other.bookedByName(),
							Date.from(other.startsAt()), Date.from(other.endsAt()));
				}
				throw new RuleViolation(field, "room.taken", room.name(), other.bookedByName(), other.title());
			}
		}
	}

	private static void mayChange(Booking booking, CurrentUser actor) {
		if (booking.held()) {
			throw new RuleViolation(null, "room.held-by-meeting");
		}
		if (booking.bookedBy() != actor.id() && !actor.is(Role.ADMINISTRATOR)) {
			throw new RuleViolation(null, "room.not-yours", booking.bookedByName());
		}
	}

	static void checkTimes(Instant start, Instant end) {
		if (!end.isAfter(start)) {
			throw new RuleViolation("end", "room.end-before-start");
		}
		if (Duration.between(start, end).compareTo(LONGEST) > 0) {
			throw new RuleViolation("end", "room.too-long");
		}
	}

	private static void administrator(CurrentUser actor) {
		if (!actor.is(Role.ADMINISTRATOR)) {
			throw new RuleViolation(null, "room.administrators-only");
		}
	}

}
