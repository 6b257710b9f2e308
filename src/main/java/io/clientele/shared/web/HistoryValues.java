package io.clientele.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import io.clientele.shared.RecordChanged.FieldChange;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows a value of the history ({@code ${@historyValues.show(change, change.after())}})
 * in the reader's language: the history keeps amounts, dates and numbers in a neutral
 * form, so that each reader sees them as the rest of the pages show them (an amount as
 * the deal card does: {@code 1 282 500,00 RUB} in Russian, {@code 1,282,500.00 RUB} in
 * English).
 */
@Component("historyValues")
public class HistoryValues {

	private final Dates dates;

	HistoryValues(Dates dates) {
		this.dates = dates;
	}

	public String show(FieldChange change, @Nullable String value) {
		if (value == null || change.format() == null) {
			return value == null ? "" : value;
		}
		Locale locale = LocaleContextHolder.getLocale();
		return switch (change.format()) {
			case MONEY -> money(value, locale);
			case DATE -> dates.isoDay(value);
			case NUMBER -> number(value, locale, 0, 6);
			case DATE_TIME -> moment(value);
		};
	}

	private String moment(String value) {
		try {
			return dates.dateTime(java.time.Instant.parse(value));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return value;
		}
	}

	/** {@code 1282500.00 RUB} with two decimals and the locale's separators. */
	static String money(String value, Locale locale) {
		int space = value.lastIndexOf(' ');
		String amount = space < 0 ? value : value.substring(0, space);
		String currency = space < 0 ? "" : value.substring(space);
		return number(amount, locale, 2, 2) + currency;
	}

	private static String number(String value, Locale locale, int minDecimals, int maxDecimals) {
		try {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(minDecimals);
			format.setMaximumFractionDigits(maxDecimals);
			return format.format(new BigDecimal(value));
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
