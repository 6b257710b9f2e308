package io.clientele.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats instants for pages ({@code ${@dates.dateTime(x)}}) in the reader's locale and
 * the installation's time zone.
 */
@Component("dates")
public class Dates {

	private final ZoneId zone = ZoneId.systemDefault();

	/** The formatters by style and locale (a localized pattern is looked up once). */
	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	public String dateTime(@Nullable Instant instant) {
		return format(instant, "dateTime",
				() -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
	}

	/** The time of day alone ({@code 10:30}), for things of one day. */
	public String time(@Nullable Instant instant) {
		return format(instant, "time", () -> DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
	}

	public String date(@Nullable Instant instant) {
		return format(instant, "date", () -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
	}

	/** A calendar date (a birthday, a contract date) in the reader's format. */
	public String day(java.time.@Nullable LocalDate date) {
		return date == null ? ""
				: date.format(formatter("day", () -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)));
	}

	/** A calendar date written as {@code 2024-01-15}, in the reader's format. */
	public String isoDay(String date) {
		try {
			return day(java.time.LocalDate.parse(date));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return date;
		}
	}

	private String format(@Nullable Instant instant, String style, Supplier<DateTimeFormatter> formatter) {
		if (instant == null) {
			return "";
		}
		return formatter(style, () -> formatter.get().withZone(zone)).format(instant);
	}

	private DateTimeFormatter formatter(String style, Supplier<DateTimeFormatter> formatter) {
		Locale locale = LocaleContextHolder.getLocale();
		return formatters.computeIfAbsent(style + "/" + locale.toLanguageTag(),
				key -> formatter.get().withLocale(locale));
	}

}
