package io.clientele.activities.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.clientele.activities.Calendars;
import io.clientele.identity.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's planned things as an iCalendar feed (RFC 5545) for Outlook, Google Calendar or
 * Thunderbird to subscribe to. The address itself is the credential: made on the calendar
 * page, revoked there; an unknown or revoked address answers 404.
 */
@RestController
@Tag(name = "Calendar")
class CalendarFeedApi {

	private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Calendars calendars;

	private final UserDirectory users;

	private final Clock clock;

	CalendarFeedApi(Calendars calendars, UserDirectory users, Clock clock) {
		this.calendars = calendars;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/api/v1/calendar/feeds/{secret}.ics")
	@Operation(summary = "A user's calendar feed (iCalendar)",
			description = "The user's planned things from 30 days ago to a year ahead. The address is made and "
					+ "revoked on the calendar page; it needs no other credentials.")
	ResponseEntity<String> feed(@PathVariable String secret) {
		return calendars.feedOwner(secret)
			.flatMap(id -> users.active(id))
			.map(owner -> ResponseEntity.ok()
				.contentType(CALENDAR)
				.header("Cache-Control", "private, max-age=300")
				.body(calendars.feed(owner, clock.instant())))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
