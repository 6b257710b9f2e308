package io.clientele.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Busy times for planning a meeting: what the {@link CalendarSource}s hold on the
 * meeting's day for the people taking part — whoever they are, since a meeting brings
 * together people of any department — and the chosen room's bookings that day, each
 * marked where it overlaps the meeting. A thing the reader may not see shows only as
 * "busy", without its title or page. The overlaps are a warning: the meeting may still be
 * planned (except in a taken room, which {@link MeetingRooms} refuses).
 */
@Service
public class BusyTimes {

	/** How many people one look covers at most. */
	public static final int MOST_PEOPLE = Calendars.MOST_PEOPLE;

	private static final ZoneId ZONE = ZoneId.systemDefault();

	private final List<CalendarSource> sources;

	private final MeetingRooms rooms;

	private final UserDirectory users;

	BusyTimes(List<CalendarSource> sources, MeetingRooms rooms, UserDirectory users) {
		this.sources = List.copyOf(sources);
		this.rooms = rooms;
		this.users = users;
	}

	/**
	 * Something that keeps a person busy.
	 *
	 * @param title what it is, or null when the reader may not see it (only "busy")
	 * @param link its page, or null
	 * @param clash whether it overlaps the meeting
	 */
	public record Slot(Instant start, Instant end, @Nullable String title, @Nullable String link, boolean clash) {
	}

	/** A person's busy times on the meeting's day. */
	public record Person(long id, String name, List<Slot> slots) {

		public List<Slot> clashes() {
			return slots.stream().filter(Slot::clash).toList();
		}

	}

	/**
	 * A booking of a room as the reader may see it: a meeting's subject only for those
	 * who may see the meeting.
	 */
	public record Booked(MeetingRooms.Booking booking, boolean shown, boolean clash) {

		public @Nullable String title() {
			return shown ? booking.title() : null;
		}

		/** The meeting that holds it, for those who may see it. */
		public @Nullable String link() {
			return shown && booking.held() ? "/interactions/" + booking.subjectId() : null;
		}

	}

	/** The chosen room's bookings on the meeting's day. */
	public record Room(long id, String name, List<Booked> bookings) {

		public List<Booked> clashes() {
			return bookings.stream().filter(Booked::clash).toList();
		}

	}

	/**
	 * The meeting's day, from the start to the end of the day the meeting begins on (and
	 * on to the meeting's end, if it goes on past midnight).
	 */
	public record Day(LocalDate day, Instant start, Instant end, List<Person> people, @Nullable Room room) {

		/** Whether anyone, or the room, is busy at the meeting's time. */
		public boolean clashes() {
			return people.stream().anyMatch(person -> !person.clashes().isEmpty())
					|| (room != null && !room.clashes().isEmpty());
		}

	}

	/** Whether two periods overlap; one that ends when the other begins does not. */
	static boolean overlap(Instant start, Instant end, Instant otherStart, Instant otherEnd) {
		return start.isBefore(otherEnd) && end.isAfter(otherStart);
	}

	/**
	 * The busy times of the people (in the order given, at most {@link #MOST_PEOPLE}) and
	 * of the room on the day of a meeting from {@code start} to {@code end}.
	 * @param interactionId the meeting being edited, left out of what keeps them busy;
	 * null for a new one
	 */
	@Transactional(readOnly = true)
	public Day around(Instant start, Instant end, Collection<Long> people, @Nullable Long roomId,
			@Nullable Long interactionId, CurrentUser reader) {
		LocalDate day = LocalDate.ofInstant(start, ZONE);
		Instant from = day.atStartOfDay(ZONE).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(ZONE).toInstant();
		if (end.isAfter(to)) {
			to = end;
		}
		Set<Long> asked = new LinkedHashSet<>();
		people.stream().filter(id -> id != null).limit(MOST_PEOPLE).forEach(asked::add);
		List<CalendarItem> items = new ArrayList<>();
		for (CalendarSource source : sources) {
			source.items(asked, from, to, reader)
				.stream()
				.filter(item -> !item.allDay())
				.filter(item -> !(interactionId != null && item.kind().equals("interaction")
						&& item.id() == interactionId))
				.forEach(items::add);
		}
		Set<String> shown = visible(items, reader);
		Map<Long, String> names = users.names(asked);
		List<Person> busy = new ArrayList<>();
		for (Long person : asked) {
			List<Slot> slots = items.stream()
				.filter(item -> item.userId() == person)
				.sorted(Comparator.comparing(CalendarItem::start).thenComparing(CalendarItem::key))
				.map(item -> slot(item, shown.contains(item.key()), start, end))
				.toList();
			busy.add(new Person(person, names.getOrDefault(person, "#" + person), slots));
		}
		return new Day(day, start, end, busy, room(roomId, from, to, start, end, interactionId, reader));
	}

	/**
	 * A room's bookings in a period as the reader may see them (the rooms page): a
	 * meeting's subject only for those who may see the meeting.
	 */
	@Transactional(readOnly = true)
	public List<Booked> bookings(long roomId, Instant from, Instant to, CurrentUser reader) {
		return booked(rooms.bookings(roomId, from, to), null, null, reader);
	}

	private @Nullable Room room(@Nullable Long roomId, Instant from, Instant to, Instant start, Instant end,
			@Nullable Long interactionId, CurrentUser reader) {
		if (roomId == null) {
			return null;
		}
		MeetingRooms.Room room = rooms.rooms().stream().filter(r -> r.id() == roomId).findFirst().orElse(null);
		if (room == null) {
			return null;
		}
		List<MeetingRooms.Booking> bookings = rooms.bookings(roomId, from, to)
			.stream()
			.filter(booking -> !(interactionId != null && booking.held() && "interaction".equals(booking.subjectKind())
					&& interactionId.equals(booking.subjectId())))
			.toList();
		return new Room(room.id(), room.name(), booked(bookings, start, end, reader));
	}

	private List<Booked> booked(List<MeetingRooms.Booking> bookings, @Nullable Instant start, @Nullable Instant end,
			CurrentUser reader) {
		Set<Long> meetings = bookings.stream()
			.filter(booking -> "interaction".equals(booking.subjectKind()))
			.map(MeetingRooms.Booking::subjectId)
			.collect(Collectors.toSet());
		Set<Long> seen = meetings.isEmpty() ? Set.of() : source("interaction").visible("interaction", meetings, reader);
		return bookings.stream()
			.map(booking -> new Booked(booking, !booking.held() || seen.contains(booking.subjectId()),
					start != null && end != null && overlap(start, end, booking.startsAt(), booking.endsAt())))
			.toList();
	}

	/** The keys of the items the reader may see, asked of each item's source at once. */
	private Set<String> visible(List<CalendarItem> items, CurrentUser reader) {
		Map<String, Set<Long>> byKind = new HashMap<>();
		items.forEach(item -> byKind.computeIfAbsent(item.kind(), kind -> new HashSet<>()).add(item.id()));
		Set<String> keys = new HashSet<>();
		byKind.forEach((kind, ids) -> source(kind).visible(kind, ids, reader).forEach(id -> keys.add(kind + "-" + id)));
		return keys;
	}

	private CalendarSource source(String kind) {
		return sources.stream()
			.filter(source -> source.offers(kind))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No calendar source offers " + kind));
	}

	private static Slot slot(CalendarItem item, boolean shown, Instant start, Instant end) {
		return new Slot(item.start(), item.end(), shown ? item.title() : null, shown ? item.link() : null,
				overlap(start, end, item.start(), item.end()));
	}

}
