package io.clientele.activities;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.clientele.identity.AccessScope;
import io.clientele.identity.AccessScopes;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import io.clientele.shared.web.PublicAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar: what the {@link CalendarSource}s offer for one user or several side by
 * side (a head sees the people of their department subtree, an administrator everyone,
 * anyone else themselves), moving things by dragging them, and each user's private
 * iCalendar feed (RFC 5545) for subscribing from Outlook, Google or Thunderbird.
 */
@Service
public class Calendars {

	/** The longest period one request may show: a month view with its edges. */
	static final Duration LONGEST_PERIOD = Duration.ofDays(45);

	/** How many people fit side by side. */
	public static final int MOST_PEOPLE = 20;

	/** The feed holds what lies from this long ago … */
	static final Duration FEED_PAST = Duration.ofDays(30);

	/** … up to this far ahead. */
	static final Duration FEED_AHEAD = Duration.ofDays(365);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final List<CalendarSource> sources;

	private final AccessScopes scopes;

	private final JdbcClient jdbc;

	private final PublicAddress address;

	Calendars(List<CalendarSource> sources, AccessScopes scopes, JdbcClient jdbc, PublicAddress address) {
		this.sources = List.copyOf(sources);
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.address = address;
	}

	/**
	 * The people of those asked for whose calendar the reader may see, in the order
	 * asked, and their things in the period.
	 */
	public record Shown(List<Long> people, List<CalendarItem> items) {
	}

	/**
	 * The things of these people in the period, for the reader: people whose calendar the
	 * reader may not see are left out.
	 */
	@Transactional(readOnly = true)
	public Shown items(Collection<Long> people, Instant from, Instant to, CurrentUser reader) {
		if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
			throw new RuleViolation("end", "calendar.period-invalid");
		}
		Set<Long> shown = visiblePeople(people, reader);
		List<CalendarItem> items = new ArrayList<>();
		for (CalendarSource source : sources) {
			items.addAll(source.items(shown, from, to, reader));
		}
		items.sort(Comparator.comparing(CalendarItem::start).thenComparing(CalendarItem::key));
		return new Shown(List.copyOf(shown), items);
	}

	/**
	 * Of these people, those whose calendar the reader may see (at most
	 * {@link #MOST_PEOPLE}).
	 */
	public Set<Long> visiblePeople(Collection<Long> people, CurrentUser reader) {
		AccessScope scope = scopes.of(reader.id());
		Set<Long> shown = new LinkedHashSet<>();
		for (Long person : people) {
			if (person != null && (person == reader.id() || scope.covers(person)) && shown.size() < MOST_PEOPLE) {
				shown.add(person);
			}
		}
		return shown;
	}

	/** Moves a thing to another time, through the source that offers it. */
	public void move(String kind, long id, Instant start, Instant end, CurrentUser actor) {
		sources.stream()
			.filter(source -> source.offers(kind))
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("Calendar item", id))
			.move(kind, id, start, end, actor);
	}

	/**
	 * Gives the user a new feed address; the old one stops working.
	 * @return the secret of the address (kept only as a hash: shown once)
	 */
	@Transactional
	public String renewFeed(long userId) {
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("""
				insert into calendar_feeds (user_id, secret_hash) values (?, ?)
				on conflict (user_id) do update set secret_hash = excluded.secret_hash, created_at = now()
				""").params(userId, hash(token)).update();
		return token;
	}

	@Transactional
	public void revokeFeed(long userId) {
		jdbc.sql("delete from calendar_feeds where user_id = ?").param(userId).update();
	}

	@Transactional(readOnly = true)
	public boolean hasFeed(long userId) {
		return jdbc.sql("select exists (select 1 from calendar_feeds where user_id = ?)")
			.param(userId)
			.query(Boolean.class)
			.single();
	}

	/** The user whose feed this secret opens, if it is current and they are active. */
	@Transactional(readOnly = true)
	public Optional<Long> feedOwner(String token) {
		return jdbc.sql("""
				select f.user_id from calendar_feeds f join users u on u.id = f.user_id
				 where f.secret_hash = ? and u.active
				""").param(hash(token)).query(Long.class).optional();
	}

	/**
	 * The user's feed as an iCalendar document: their things from a month ago to a year
	 * ahead, as they see them.
	 */
	@Transactional(readOnly = true)
	public String feed(CurrentUser owner, Instant now) {
		ICalendar calendar = new ICalendar();
		calendar.setProductId("-//Clientele//CRM//EN");
		calendar.setName("Clientele: " + owner.displayName());
		List<CalendarItem> items = new ArrayList<>();
		for (CalendarSource source : sources) {
			items.addAll(source.items(Set.of(owner.id()), now.minus(FEED_PAST), now.plus(FEED_AHEAD), owner));
		}
		for (CalendarItem item : items) {
			VEvent event = new VEvent();
			event.setUid(item.key() + "@clientele");
			event.setDateTimeStamp(Date.from(now));
			event.setSummary(item.title());
			if (item.allDay()) {
				event.setDateStart(Date.from(item.start()), false);
				event.setDateEnd(Date.from(item.end()), false);
			}
			else {
				event.setDateStart(Date.from(item.start()));
				event.setDateEnd(Date.from(item.end()));
			}
			if (item.location() != null) {
				event.setLocation(item.location());
			}
			if (item.link() != null && address.known()) {
				event.setUrl(address.link(item.link()));
			}
			calendar.addEvent(event);
		}
		return Biweekly.write(calendar).go();
	}

	private static byte[] hash(@Nullable String token) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
