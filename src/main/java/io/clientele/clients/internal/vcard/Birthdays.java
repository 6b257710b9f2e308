package io.clientele.clients.internal.vcard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.List;

import ezvcard.property.Birthday;
import org.jspecify.annotations.Nullable;

/**
 * A birthday as a calendar date, when the card gives a whole one: a date or date-time
 * value, or text in ISO or Russian ({@code 09.05.1975}) order. A birthday without a year
 * ({@code --0203}) is no date.
 */
final class Birthdays {

	private static final List<DateTimeFormatter> TEXT_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("dd.MM.uuuu"));

	private Birthdays() {
	}

	static @Nullable LocalDate date(Birthday birthday) {
		Temporal date = birthday.getDate();
		if (date != null) {
			return date.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.ofEpochDay(date.getLong(ChronoField.EPOCH_DAY))
					: null;
		}
		String text = (birthday.getText() != null) ? birthday.getText().strip() : "";
		for (DateTimeFormatter format : TEXT_FORMATS) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// not in this format; try the next
			}
		}
		return null;
	}

}
