package io.clientele.shared.lists;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import io.clientele.shared.RuleViolation;
import io.clientele.shared.files.Download;
import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.files.TabularWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writes a record list (clients, leads, deals…) to a download exactly as the reader sees
 * it — their records only, the same filters, order and columns, headers in their language
 * — but every row, not one page.
 *
 * <p>
 * The rows are read in keyset slices of {@value #SLICE}, each in its own short read-only
 * transaction, and written to the response before the next slice is read: memory holds
 * one slice whatever the list's length, and a connection is taken from the (small) pool
 * only for a slice's query, never while a slow client downloads. A database cursor held
 * over the whole export would pin a connection for minutes. The price is that slices are
 * not one snapshot: a record changed during the export may appear at its old or its new
 * place in the order. Each statement stops after
 * {@link RecordListQuery#EXPORT_STATEMENT_TIMEOUT}; an export still running after
 * {@link #LONGEST} is broken off, so that the browser reports a failed download rather
 * than saving a short file as if it were whole. (docs/decisions/0003)
 */
@Component
public class ListExport {

	private static final Logger log = LoggerFactory.getLogger(ListExport.class);

	/** Rows per slice: a few megabytes, and about 200 queries for the M data set. */
	public static final int SLICE = 5_000;

	public static final Duration LONGEST = Duration.ofMinutes(30);

	/** A worksheet's 1,048,576 rows less the header and a last row saying so. */
	public static final int SHEET_ROWS = 1_048_574;

	private final ListView view;

	private final MessageSource messages;

	private final Clock clock;

	ListExport(ListView view, MessageSource messages, Clock clock) {
		this.view = view;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A list's file, named after the list (or the saved view shown) and today.
	 * @param title the saved view's name, or null for the list's own
	 * @param titleKey the message key of the list's name
	 * @param ascii the list's name in plain ASCII
	 */
	public Download download(@Nullable String title, String titleKey, String ascii, ExportFormat format, char delimiter,
			Locale locale) {
		return Download.dated(title != null ? title : messages.getMessage(titleKey, null, locale), ascii, format,
				delimiter, clock);
	}

	/**
	 * Writes the slices of a record list: the first one read, then each next until the
	 * last.
	 * @param load reads the slice after a keyset cursor
	 */
	public void records(RecordListQuery.Slice first, Function<String, RecordListQuery.Slice> load, Download download,
			Locale locale, HttpServletResponse response) {
		table(first, RecordListQuery.Slice::next, load, view.titles(first.columns(), locale),
				slice -> view.exportRows(slice.columns(), slice.rows(), locale), download, locale, response);
	}

	/**
	 * Writes any sliced rows as CSV or XLSX: the titles, then the rows of each slice; a
	 * workbook that would outgrow a sheet ends with a row saying so.
	 * @param next the cursor after a slice, null after the last
	 */
	public <S> void table(S first, Function<S, @Nullable String> next, Function<String, S> load, List<String> titles,
			Function<S, List<List<@Nullable Object>>> rows, Download download, Locale locale,
			HttpServletResponse response) {
		OutputStream out = download.start(response);
		try {
			TabularWriter writer = download.format() == ExportFormat.XLSX
					? TabularWriter.xlsx(out, download.sheetName()) : TabularWriter.csv(out, download.delimiter());
			writer.header(titles);
			int limit = download.format() == ExportFormat.XLSX ? SHEET_ROWS : Integer.MAX_VALUE;
			int[] written = { 0 };
			walk(first, next, load, slice -> {
				for (List<@Nullable Object> row : rows.apply(slice)) {
					if (written[0] == limit) {
						writer.row(List.of(messages.getMessage("export.sheet-full", new Object[] { limit }, locale)));
						return false;
					}
					writer.row(row);
					written[0]++;
				}
				return true;
			});
			// Closed only when whole: a broken-off export must not end as a valid file.
			writer.close();
		}
		catch (UncheckedIOException gone) {
			log.debug("The client broke off the download of {}: {}", download.fallback(), gone.getMessage());
		}
	}

	/**
	 * Hands each slice to the writer and reads the next, until the last slice, the writer
	 * wants no more, or the export has run longer than {@link #LONGEST}.
	 */
	public <S> void walk(S first, Function<S, @Nullable String> next, Function<String, S> load, Predicate<S> write) {
		Instant deadline = clock.instant().plus(LONGEST);
		S slice = first;
		while (write.test(slice)) {
			String after = next.apply(slice);
			if (after == null) {
				return;
			}
			if (clock.instant().isAfter(deadline)) {
				throw new ExportTooLong(LONGEST);
			}
			slice = load.apply(after);
		}
	}

	/**
	 * Where a refused export goes: back to the list, which shows a wrong filter itself; a
	 * wrong format or delimiter is said in a notice.
	 * @param list the list's link with its filters
	 */
	public static String refused(RuleViolation violation, String list, RedirectAttributes redirect) {
		if ("format".equals(violation.field()) || "delimiter".equals(violation.field())) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:" + list;
	}

	/** An export broken off after running longer than allowed. */
	static final class ExportTooLong extends RuntimeException {

		ExportTooLong(Duration limit) {
			super("Export broken off after " + limit);
		}

	}

}
