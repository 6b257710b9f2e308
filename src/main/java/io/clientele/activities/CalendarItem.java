package io.clientele.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing in the calendar.
 *
 * @param kind what it is, in lower case: the {@link CalendarSource} that offers it knows
 * @param userId whose calendar it is in
 * @param end when it ends; for an all-day thing, the start of the day after
 * @param link the page that shows it
 * @param movable whether the reader may drag it to another time
 */
public record CalendarItem(String kind, long id, long userId, String title, Instant start, Instant end, boolean allDay,
		@Nullable String link, boolean movable, @Nullable String location) {

	/** The thing's identity across kinds: {@code task-42}. */
	public String key() {
		return kind + "-" + id;
	}

}
