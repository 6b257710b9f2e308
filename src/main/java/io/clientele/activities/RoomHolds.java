package io.clientele.activities;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.clientele.activities.MeetingRooms.Booking;
import io.clientele.activities.MeetingRooms.Room;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms held by things that have a time of their own — a planned meeting — rather than
 * booked for themselves: the booking's subject is the thing, it is booked, moved and
 * freed with it (at most one per thing), and the rooms page and the calendar leave it to
 * the thing. The module of the thing has checked that the actor may change it, so whoever
 * booked the room first does not matter. The same rules as any booking hold: the database
 * refuses two at once.
 */
@Service
public class RoomHolds {

	private final MeetingRooms rooms;

	private final JdbcClient jdbc;

	RoomHolds(MeetingRooms rooms, JdbcClient jdbc) {
		this.rooms = rooms;
		this.jdbc = jdbc;
	}

	/** The booking a thing (a meeting) holds, if any. */
	@Transactional(readOnly = true)
	public Optional<Booking> heldBy(String subjectKind, long subjectId) {
		return jdbc.sql(MeetingRooms.BOOKINGS + " where b.subject_kind = ? and b.subject_id = ?")
			.params(subjectKind, subjectId)
			.query(MeetingRooms::booking)
			.optional();
	}

	/**
	 * Holds a room for a thing for its time: books it, moves the booking the thing holds,
	 * moves it to another room, or — with no room — frees it.
	 * @throws RuleViolation on {@code roomId} when the room is taken then (saying by
	 * whom), switched off or unknown
	 */
	@Transactional
	public void hold(String subjectKind, long subjectId, @Nullable Long roomId, String title, Instant start,
			Instant end, CurrentUser actor) {
		Optional<Booking> held = heldBy(subjectKind, subjectId);
		if (roomId == null) {
			held.ifPresent(booking -> delete(booking.id()));
			return;
		}
		MeetingRooms.checkTimes(start, end);
		Room room = rooms.room(roomId);
		try {
			if (held.isPresent() && held.get().roomId() == roomId) {
				move(held.get(), room, title.strip(), start, end);
			}
			else {
				held.ifPresent(booking -> delete(booking.id()));
				take(room, subjectKind, subjectId, title.strip(), start, end, actor);
			}
		}
		catch (DataIntegrityViolationException ex) {
			// booked by someone else between the check and the write
			throw new RuleViolation("roomId", "room.taken-briefly", room.name());
		}
	}

	/**
	 * A room a thing held before and asks back (a meeting taken back from the recycle
	 * bin): whether it holds it again.
	 */
	public record Regained(long roomId, String roomName, boolean held) {
	}

	/**
	 * Holds the room for the thing's time only when it is in use and free then; when it
	 * is not, the thing goes on without it (nothing is refused).
	 */
	@Transactional
	public Regained holdIfFree(String subjectKind, long subjectId, long roomId, String title, Instant start,
			Instant end, CurrentUser actor) {
		Room room = rooms.rooms().stream().filter(r -> r.id() == roomId).findFirst().orElse(null);
		if (room == null) {
			return new Regained(roomId, "#" + roomId, false);
		}
		boolean free = room.active() && end.isAfter(start)
				&& rooms.bookings(roomId, start, end)
					.stream()
					.allMatch(booking -> subjectKind.equals(booking.subjectKind())
							&& Long.valueOf(subjectId).equals(booking.subjectId()));
		if (free) {
			hold(subjectKind, subjectId, roomId, title, start, end, actor);
		}
		return new Regained(roomId, room.name(), free);
	}

	/** Frees the room a thing holds (a meeting cancelled or deleted). */
	@Transactional
	public void release(String subjectKind, long subjectId) {
		jdbc.sql("delete from room_bookings where subject_kind = ? and subject_id = ?")
			.params(subjectKind, subjectId)
			.update();
	}

	/** The same room at another time (a room switched off since stays held). */
	private void move(Booking booking, Room room, String title, Instant start, Instant end) {
		if (booking.startsAt().equals(start) && booking.endsAt().equals(end) && booking.title().equals(title)) {
			return;
		}
		rooms.refuseOverlap(room, start, end, booking.id(), "roomId");
		jdbc.sql("update room_bookings set starts_at = ?, ends_at = ?, title = ?, version = version + 1 where id = ?")
			.params(Timestamp.from(start), Timestamp.from(end), title, booking.id())
			.update();
	}

	private void take(Room room, String subjectKind, long subjectId, String title, Instant start, Instant end,
			CurrentUser actor) {
		if (!room.active()) {
			throw new RuleViolation("roomId", "room.inactive", room.name());
		}
		rooms.refuseOverlap(room, start, end, null, "roomId");
		jdbc.sql("""
				insert into room_bookings (room_id, booked_by, title, starts_at, ends_at, subject_kind, subject_id)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(room.id(), actor.id(), title, Timestamp.from(start), Timestamp.from(end), subjectKind, subjectId)
			.update();
	}

	private void delete(long bookingId) {
		jdbc.sql("delete from room_bookings where id = ?").param(bookingId).update();
	}

}
