package io.clientele.activities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.activities.BusyTimes;
import io.clientele.activities.CalendarItem;
import io.clientele.activities.Calendars;
import io.clientele.activities.MeetingRooms;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import io.clientele.shared.web.PublicAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar page (FullCalendar: day, week, month; one person or several side by side),
 * its events and moves as JSON, the feed address, and the meeting rooms.
 */
@Controller
class CalendarPages implements NavigationContributor {

	private final Calendars calendars;

	private final MeetingRooms rooms;

	private final BusyTimes busyTimes;

	private final UserDirectory users;

	private final AccessScopes scopes;

	private final MessageSource messages;

	private final PublicAddress address;

	private final java.time.Clock clock;

	CalendarPages(java.time.Clock clock, Calendars calendars, MeetingRooms rooms, BusyTimes busyTimes,
			UserDirectory users, AccessScopes scopes, MessageSource messages, PublicAddress address) {
		this.busyTimes = busyTimes;
		this.clock = clock;
		this.address = address;
		this.calendars = calendars;
		this.rooms = rooms;
		this.users = users;
		this.scopes = scopes;
		this.messages = messages;
	}

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(new NavigationEntry(NavigationEntry.MAIN, "nav.calendar", "/calendar", "calendar", 16, null));
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @Nullable List<Long> people,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Set<Long> shown = calendars.visiblePeople(people == null || people.isEmpty() ? List.of(user.id()) : people,
				user);
		List<UserSummary> colleagues = user.is(Role.SALES_MANAGER) ? List.of()
				: users.activeWithin(scopes.of(user.id()));
		model.addAttribute("people", shown);
		model.addAttribute("colleagues", colleagues);
		model.addAttribute("names", users.names(shown));
		model.addAttribute("hasFeed", calendars.hasFeed(user.id()));
		model.addAttribute("mostPeople", Calendars.MOST_PEOPLE);
		model.addAttribute("feedBase", address.ofThisRequest());
		return "activities/calendar";
	}

	/**
	 * What FullCalendar asks for: the things of the people shown in the visible range.
	 */
	@GetMapping("/calendar/events")
	@ResponseBody
	List<Map<String, Object>> events(@RequestParam String start, @RequestParam String end,
			@RequestParam(required = false) @Nullable List<Long> people, @AuthenticationPrincipal CurrentUser user) {
		List<Long> asked = people == null || people.isEmpty() ? List.of(user.id()) : people;
		Calendars.Shown shown = calendars.items(asked, instant(start), instant(end), user);
		List<Long> order = shown.people();
		List<Map<String, Object>> events = new ArrayList<>();
		for (CalendarItem item : shown.items()) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("id", item.key());
			event.put("title", item.title());
			event.put("start", item.start().toString());
			event.put("end", item.end().toString());
			event.put("allDay", item.allDay());
			event.put("editable", item.movable());
			if (item.link() != null) {
				event.put("url", item.link());
			}
			event.put("classNames",
					List.of("calendar-kind-" + item.kind(), "calendar-person-" + order.indexOf(item.userId()) % 8));
			event.put("extendedProps", Map.of("kind", item.kind(), "itemId", item.id(), "userId", item.userId(),
					"location", item.location() == null ? "" : item.location()));
			events.add(event);
		}
		return events;
	}

	/**
	 * A thing dragged to another time; refused with the reason in the user's language.
	 */
	@PostMapping("/calendar/move")
	@ResponseBody
	ResponseEntity<Map<String, String>> move(@RequestParam String kind, @RequestParam long id,
			@RequestParam String start, @RequestParam String end, @AuthenticationPrincipal CurrentUser user) {
		try {
			calendars.move(kind, id, instant(start), instant(end), user);
			return ResponseEntity.ok(Map.of());
		}
		catch (RuleViolation ex) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.body(Map.of("message",
						messages.getMessage(ex.messageKey(), ex.arguments(), LocaleContextHolder.getLocale())));
		}
		catch (RecordNotFound ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("message",
						messages.getMessage("calendar.move.gone", null, LocaleContextHolder.getLocale())));
		}
	}

	@PostMapping("/calendar/feed")
	String renewFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		redirect.addFlashAttribute("feedToken", calendars.renewFeed(user.id()));
		redirect.addFlashAttribute("notice", "calendar.feed.renewed");
		return "redirect:/calendar";
	}

	@PostMapping("/calendar/feed/revoke")
	String revokeFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		calendars.revokeFeed(user.id());
		redirect.addFlashAttribute("notice", "calendar.feed.revoked");
		return "redirect:/calendar";
	}

	@GetMapping("/calendar/rooms")
	String rooms(@RequestParam(required = false) @Nullable Long room, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		List<MeetingRooms.Room> all = rooms.rooms();
		MeetingRooms.Room chosen = all.stream()
			.filter(r -> room != null ? r.id() == room : r.active())
			.findFirst()
			.orElse(null);
		model.addAttribute("rooms", all);
		model.addAttribute("room", chosen);
		Instant now = clock.instant();
		// a meeting's subject only for those who may see the meeting
		model.addAttribute("bookings", chosen == null ? List.of()
				: busyTimes.bookings(chosen.id(), now.minusSeconds(3600), now.plusSeconds(14 * 86400), user));
		model.addAttribute("today", LocalDate.ofInstant(now, ZoneId.systemDefault()));
		model.addAttribute("administrator", user.is(Role.ADMINISTRATOR));
		return "activities/rooms";
	}

	@PostMapping("/calendar/rooms")
	String addRoom(@RequestParam String name, @RequestParam(required = false) @Nullable Integer capacity,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
		try {
			long id = rooms.addRoom(name, capacity, user);
			redirect.addFlashAttribute("notice", "room.added");
			return "redirect:/calendar/rooms?room=" + id;
		}
		catch (RuleViolation ex) {
			failure(redirect, ex);
			return "redirect:/calendar/rooms";
		}
	}

	@PostMapping("/calendar/rooms/{room}/bookings")
	String book(@PathVariable long room, @RequestParam String title, @RequestParam LocalDate day,
			@RequestParam LocalTime from, @RequestParam LocalTime to, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		ZoneId zone = ZoneId.systemDefault();
		try {
			rooms.book(room, title, day.atTime(from).atZone(zone).toInstant(), day.atTime(to).atZone(zone).toInstant(),
					user, null, null);
			redirect.addFlashAttribute("notice", "room.booked");
		}
		catch (RuleViolation ex) {
			failure(redirect, ex);
			// the form comes back as it was typed
			redirect.addFlashAttribute("bookingTitle", title);
			redirect.addFlashAttribute("bookingDay", day);
			redirect.addFlashAttribute("bookingFrom", from);
			redirect.addFlashAttribute("bookingTo", to);
		}
		return "redirect:/calendar/rooms?room=" + room;
	}

	@PostMapping("/calendar/bookings/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam long room, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes redirect) {
		try {
			rooms.cancel(id, user);
			redirect.addFlashAttribute("notice", "room.cancelled");
		}
		catch (RuleViolation ex) {
			failure(redirect, ex);
		}
		return "redirect:/calendar/rooms?room=" + room;
	}

	private static void failure(RedirectAttributes redirect, RuleViolation ex) {
		redirect.addFlashAttribute("failure", ex.messageKey());
		redirect.addFlashAttribute("failureArgs", ex.arguments());
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text)
					.atStartOfDay(ZoneId.systemDefault())
					.toInstant();
			}
			catch (DateTimeParseException again) {
				throw new RuleViolation("start", "calendar.period-invalid");
			}
		}
	}

}
