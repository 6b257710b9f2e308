package io.clientele.clients.web;

import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.ListView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.clientele.clients.ClientList;
import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactList;
import io.clientele.clients.Leads;
import io.clientele.shared.lists.RecordQuery;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.clients.internal.vcard.ContactCardToVCard;
import io.clientele.clients.internal.vcard.VCards;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.files.TabularWriter;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writes a list (clients, leads, contact persons) to a download exactly as the reader
 * sees it — their records only, the same filters, order and columns, headers in their
 * language — but every row, not one page.
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
	static final int SLICE = 5_000;

	static final Duration LONGEST = Duration.ofMinutes(30);

	/** A worksheet's 1,048,576 rows less the header and a last row saying so. */
	static final int SHEET_ROWS = 1_048_574;

	private final ClientList clients;

	private final Leads leads;

	private final ContactList contacts;

	private final ListView view;

	private final MessageSource messages;

	private final Clock clock;

	ListExport(ClientList clients, Leads leads, ContactList contacts, ListView view, MessageSource messages,
			Clock clock) {
		this.clients = clients;
		this.leads = leads;
		this.contacts = contacts;
		this.view = view;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param title the file's and sheet's name: the saved view's, or null for the list's
	 * own
	 * @throws io.clientele.shared.RuleViolation for a filter, sort or column the list
	 * refuses, before anything is written
	 */
	public void clients(ListParams state, ExportFormat format, char delimiter, @Nullable String title,
			CurrentUser reader, Locale locale, HttpServletResponse response) {
		RecordQuery query = state.query();
		records(clients.slice(query, null, SLICE, reader), after -> clients.slice(query, after, SLICE, reader),
				Download.dated(title != null ? title : messages.getMessage("clients.title", null, locale), "clients",
						format, delimiter, clock),
				locale, response);
	}

	/** As {@link #clients}, for the lead list. */
	public void leads(ListParams state, ExportFormat format, char delimiter, @Nullable String title, CurrentUser reader,
			Locale locale, HttpServletResponse response) {
		RecordQuery query = state.query();
		records(leads.slice(query, null, SLICE, reader), after -> leads.slice(query, after, SLICE, reader),
				Download.dated(title != null ? title : messages.getMessage("leads.title", null, locale), "leads",
						format, delimiter, clock),
				locale, response);
	}

	/**
	 * The contact list as a table (its columns: name, where they work, phones, e-mails
	 * and the extra fields shown in the list) or as vCards.
	 * @param filters extra-field filters as the list takes them
	 * @param shown the extra fields the list shows
	 */
	public void contacts(@Nullable String text, @Nullable Long clientId, Map<CustomField, String> filters,
			List<CustomField> shown, ExportFormat format, char delimiter, CurrentUser reader, Locale locale,
			HttpServletResponse response) {
		Download download = Download.dated(messages.getMessage("contacts.title", null, locale), "contacts", format,
				delimiter, clock);
		if (format == ExportFormat.VCARD) {
			ContactList.Cards first = contacts.cards(text, clientId, filters, null, SLICE, reader);
			cards(first, after -> contacts.cards(text, clientId, filters, after, SLICE, reader), download, response);
			return;
		}
		List<String> titles = new ArrayList<>(List.of(messages.getMessage("client.field.name", null, locale),
				messages.getMessage("contacts.works-at", null, locale),
				messages.getMessage("client.field.phones", null, locale),
				messages.getMessage("client.field.emails", null, locale)));
		shown.forEach(field -> titles.add(field.label()));
		table(contacts.slice(text, clientId, filters, null, SLICE, reader), ContactList.Page::next,
				after -> contacts.slice(text, clientId, filters, after, SLICE, reader), titles,
				page -> page.rows().stream().map(row -> contactRow(row, shown, locale)).toList(), download, locale,
				response);
	}

	/** One contact person's vCard, named after them. */
	public void card(ContactCard card, HttpServletResponse response) {
		Download download = Download.named(card.fullName(), "contact-" + card.id(), ExportFormat.VCARD);
		OutputStream out = download.start(response);
		try {
			VCards.write(List.of(ContactCardToVCard.contact(card)), out);
			out.close();
		}
		catch (IOException | UncheckedIOException gone) {
			log.debug("The client broke off the download of {}: {}", download.fallback(), gone.getMessage());
		}
	}

	/**
	 * Where a refused export goes: back to the list, which shows a wrong filter itself; a
	 * wrong format or delimiter is said in a notice.
	 * @param list the list's link with its filters
	 */
	static String refused(RuleViolation violation, String list, RedirectAttributes redirect) {
		if ("format".equals(violation.field()) || "delimiter".equals(violation.field())) {
			redirect.addFlashAttribute("failure", violation.messageKey());
		}
		return "redirect:" + list;
	}

	private void records(RecordListQuery.Slice first, Function<String, RecordListQuery.Slice> load, Download download,
			Locale locale, HttpServletResponse response) {
		table(first, RecordListQuery.Slice::next, load, view.titles(first.columns(), locale),
				slice -> view.exportRows(slice.columns(), slice.rows(), locale), download, locale, response);
	}

	private List<@Nullable Object> contactRow(ContactList.Row row, List<CustomField> shown, Locale locale) {
		List<@Nullable Object> cells = new ArrayList<>(List.of(row.fullName(), row.clients(),
				String.join(", ", row.phones().stream().map(PhoneNumbers::display).toList()),
				String.join(", ", row.emails())));
		for (CustomField field : shown) {
			Object value = row.custom().get(field.key());
			cells.add(value == null ? null : view.exportValue(field, value, locale));
		}
		return cells;
	}

	private <S> void table(S first, Function<S, @Nullable String> next, Function<String, S> load, List<String> titles,
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

	private void cards(ContactList.Cards first, Function<String, ContactList.Cards> load, Download download,
			HttpServletResponse response) {
		OutputStream out = download.start(response);
		try {
			walk(first, ContactList.Cards::next, load, slice -> {
				VCards.write(slice.cards().stream().map(ContactCardToVCard::contact).toList(), out);
				return true;
			});
			out.close();
		}
		catch (IOException | UncheckedIOException gone) {
			log.debug("The client broke off the download of {}: {}", download.fallback(), gone.getMessage());
		}
	}

	/**
	 * Hands each slice to the writer and reads the next, until the last slice, the writer
	 * wants no more, or the export has run too long.
	 */
	private <S> void walk(S first, Function<S, @Nullable String> next, Function<String, S> load, Predicate<S> write) {
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

	/** An export broken off after running longer than allowed. */
	static final class ExportTooLong extends RuntimeException {

		ExportTooLong(Duration limit) {
			super("Export broken off after " + limit);
		}

	}

}
