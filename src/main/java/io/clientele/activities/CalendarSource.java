package io.clientele.activities;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.clientele.identity.CurrentUser;

/**
 * Things with a time that appear in the calendar and in the users' iCalendar feeds: tasks
 * with a time, planned interactions, room bookings. Each kind of thing is offered by the
 * module that owns it, which also moves it when it is dragged to another time (and moves
 * its reminder with it).
 */
public interface CalendarSource {

	/** Whether this source offers things of this kind ({@link CalendarItem#kind()}). */
	boolean offers(String kind);

	/**
	 * The things of these users (their executor, or whose time they hold) that overlap
	 * the period. The caller has checked that the reader may see these users' calendars,
	 * or shows of the things it may not see only that their people are busy then
	 * ({@link BusyTimes}); a source still leaves out what the reader may not see.
	 */
	List<CalendarItem> items(Collection<Long> userIds, Instant from, Instant to, CurrentUser reader);

	/**
	 * Of these things of one of this source's kinds, those the reader may see (their
	 * title, their page); {@link BusyTimes} shows the others only as "busy".
	 */
	Set<Long> visible(String kind, Collection<Long> ids, CurrentUser reader);

	/**
	 * Moves one of this source's things to another time, as the actor.
	 * @param end the new end, or null to keep the length
	 * @throws io.clientele.shared.RecordNotFound when the actor may not see it
	 * @throws io.clientele.shared.RuleViolation when it may not move there (a room taken,
	 * a closed task)
	 */
	void move(String kind, long id, Instant start, Instant end, CurrentUser actor);

}
