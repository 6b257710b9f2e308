package io.clientele.clients.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.clientele.clients.ClientList;
import io.clientele.clients.ContactCard;
import io.clientele.clients.ContactList;
import io.clientele.clients.Leads;
import io.clientele.clients.internal.vcard.ContactCardToVCard;
import io.clientele.clients.internal.vcard.VCards;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.PhoneNumbers;
import io.clientele.shared.customfields.CustomField;
import io.clientele.shared.files.Download;
import io.clientele.shared.files.ExportFormat;
import io.clientele.shared.lists.ListExport;
import io.clientele.shared.lists.ListParams;
import io.clientele.shared.lists.ListView;
import io.clientele.shared.lists.RecordQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The client base's lists (clients, leads, contact persons) as downloads, through the
 * shared {@link ListExport}; contact persons also as vCards.
 */
@Component
public class ClientExports {

	private static final Logger log = LoggerFactory.getLogger(ClientExports.class);

	private static final int SLICE = ListExport.SLICE;

	private final ClientList clients;

	private final Leads leads;

	private final ContactList contacts;

	private final ListExport exports;

	private final ListView view;

	private final MessageSource messages;

	ClientExports(ClientList clients, Leads leads, ContactList contacts, ListExport exports, ListView view,
			MessageSource messages) {
		this.clients = clients;
		this.leads = leads;
		this.contacts = contacts;
		this.exports = exports;
		this.view = view;
		this.messages = messages;
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
		exports.records(clients.slice(query, null, SLICE, reader), after -> clients.slice(query, after, SLICE, reader),
				exports.download(title, "clients.title", "clients", format, delimiter, locale), locale, response);
	}

	/** As {@link #clients}, for the lead list. */
	public void leads(ListParams state, ExportFormat format, char delimiter, @Nullable String title, CurrentUser reader,
			Locale locale, HttpServletResponse response) {
		RecordQuery query = state.query();
		exports.records(leads.slice(query, null, SLICE, reader), after -> leads.slice(query, after, SLICE, reader),
				exports.download(title, "leads.title", "leads", format, delimiter, locale), locale, response);
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
		Download download = exports.download(null, "contacts.title", "contacts", format, delimiter, locale);
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
		exports.table(contacts.slice(text, clientId, filters, null, SLICE, reader), ContactList.Page::next,
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

	private void cards(ContactList.Cards first, Function<String, ContactList.Cards> load, Download download,
			HttpServletResponse response) {
		OutputStream out = download.start(response);
		try {
			exports.walk(first, ContactList.Cards::next, load, slice -> {
				VCards.write(slice.cards().stream().map(ContactCardToVCard::contact).toList(), out);
				return true;
			});
			out.close();
		}
		catch (IOException | UncheckedIOException gone) {
			log.debug("The client broke off the download of {}: {}", download.fallback(), gone.getMessage());
		}
	}

}
