package io.clientele.shared.files;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.jspecify.annotations.Nullable;

/**
 * A workbook cell as the text a user sees in it, close enough for an import: numbers in
 * full (Excel shows 15 significant digits) without a trailing {@code .0}, dates as ISO
 * {@code yyyy-MM-dd} (with the time if the format shows one), percentages with {@code %},
 * booleans as {@code TRUE}/{@code FALSE}, errors as Excel writes them ({@code #N/A}).
 * Thousands separators, currency symbols and rounding of the number format are left out,
 * so that {@code 1 234,50 ₽} reads back as {@code 1234.5}.
 */
final class CellText {

	private static final MathContext EXCEL_PRECISION = new MathContext(15);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

	private CellText() {
	}

	static String of(@Nullable Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.ERROR) {
			return (cell.getRawValue() != null) ? cell.getRawValue() : "";
		}
		Object value = cell.getValue();
		if (value instanceof BigDecimal) {
			return number(cell, (BigDecimal) value);
		}
		if (value instanceof Boolean) {
			return ((Boolean) value) ? "TRUE" : "FALSE";
		}
		return (value != null) ? value.toString() : "";
	}

	private static String number(Cell cell, BigDecimal value) {
		NumberFormat format = NumberFormat.of(cell.getDataFormatId(), cell.getDataFormatString());
		if (format.date() || format.time()) {
			LocalDateTime dateTime = cell.asDate();
			if (dateTime != null) {
				return dateTime(dateTime, format);
			}
		}
		if (format.percent()) {
			return plain(value.movePointRight(2)) + "%";
		}
		return plain(value);
	}

	private static String dateTime(LocalDateTime dateTime, NumberFormat format) {
		DateTimeFormatter time = format.seconds() ? TIME_WITH_SECONDS : TIME;
		if (format.date() && format.time()) {
			return dateTime.format(DATE) + " " + dateTime.format(time);
		}
		return format.date() ? dateTime.format(DATE) : dateTime.format(time);
	}

	private static String plain(BigDecimal value) {
		BigDecimal rounded = value.round(EXCEL_PRECISION).stripTrailingZeros();
		return (rounded.signum() == 0) ? "0" : rounded.toPlainString();
	}

	/**
	 * What an Excel number format shows, from its code with quoted text, escapes and
	 * bracketed parts ({@code [Red]}, {@code [$-419]}) removed.
	 */
	record NumberFormat(boolean date, boolean time, boolean seconds, boolean percent) {

		static final NumberFormat GENERAL = new NumberFormat(false, false, false, false);

		static NumberFormat of(@Nullable Integer id, @Nullable String code) {
			if (code == null || code.isEmpty()) {
				return builtIn(id);
			}
			String bare = bare(code.toLowerCase(Locale.ROOT));
			boolean date = bare.indexOf('y') >= 0 || bare.indexOf('d') >= 0;
			boolean time = bare.indexOf('h') >= 0 || bare.indexOf('s') >= 0;
			return new NumberFormat(date, time, bare.indexOf('s') >= 0, bare.indexOf('%') >= 0);
		}

		/**
		 * Formats Excel does not spell out: the locale's own dates (CJK ids included).
		 */
		private static NumberFormat builtIn(@Nullable Integer id) {
			if (id == null) {
				return GENERAL;
			}
			if (id == 14 || id == 15 || id == 16 || id == 17 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36)
					|| (id >= 50 && id <= 58)) {
				return new NumberFormat(true, false, false, false);
			}
			if (id == 22) {
				return new NumberFormat(true, true, false, false);
			}
			if ((id >= 18 && id <= 21) || id == 32 || id == 33 || (id >= 45 && id <= 47)) {
				return new NumberFormat(false, true, id != 18 && id != 20, false);
			}
			if (id == 9 || id == 10) {
				return new NumberFormat(false, false, false, true);
			}
			return GENERAL;
		}

		private static String bare(String code) {
			StringBuilder bare = new StringBuilder(code.length());
			boolean quoted = false;
			boolean bracketed = false;
			for (int i = 0; i < code.length(); i++) {
				char c = code.charAt(i);
				if (quoted) {
					quoted = c != '"';
				}
				else if (bracketed) {
					bracketed = c != ']';
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == '[') {
					bracketed = true;
				}
				else if (c == '\\' || c == '_' || c == '*') {
					i++;
				}
				else {
					bare.append(c);
				}
			}
			return bare.toString();
		}

	}

}
