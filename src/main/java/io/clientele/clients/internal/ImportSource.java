package io.clientele.clients.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.clientele.clients.ImportField;
import io.clientele.clients.internal.vcard.VCardContact;
import io.clientele.clients.internal.vcard.VCards;
import io.clientele.shared.files.CountingInputStream;
import io.clientele.shared.files.CsvSettings;
import io.clientele.shared.files.TabularFile;
import io.clientele.shared.files.TabularReader;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an uploaded file, one at a time: a CSV or XLSX table, or the cards of a
 * vCard file laid out as a table with fixed columns.
 */
public interface ImportSource extends AutoCloseable {

	String VCARD = "VCARD";

	List<String> header();

	/** The next row's cells, or null after the last. */
	@Nullable List<String> next();

	/** The number of the row last returned, as the user's program shows it. */
	long rowNumber();

	/** How much of the file has been read, 0–1. */
	double progress();

	/** What the last row held that no column took (a vCard's unmapped properties). */
	default List<String> unmapped() {
		return List.of();
	}

	@Override
	void close();

	static ImportSource open(Path file, String fileName, String format, @Nullable String encoding,
			@Nullable String delimiter) {
		if (VCARD.equals(format)) {
			return new CardSource(file);
		}
		TabularReader reader = TabularFile.open(file, fileName,
				new CsvSettings(encoding == null ? null : Charset.forName(encoding),
						delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0)));
		return new TableSource(reader);
	}

	/** Whether a file is a vCard file, by its name or its first bytes. */
	static boolean isVCard(Path file, String fileName) {
		String lower = fileName.toLowerCase(java.util.Locale.ROOT);
		if (lower.endsWith(".vcf") || lower.endsWith(".vcard")) {
			return true;
		}
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(64);
			String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
			if (text.startsWith("\uFEFF") || text.startsWith("ï»¿")) {
				text = text.substring(text.startsWith("\uFEFF") ? 1 : 3);
			}
			return text.regionMatches(true, 0, "BEGIN:VCARD", 0, 11);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record TableSource(TabularReader reader) implements ImportSource {

		@Override
		public List<String> header() {
			return reader.header();
		}

		@Override
		public @Nullable List<String> next() {
			return reader.next();
		}

		@Override
		public long rowNumber() {
			return reader.rowNumber();
		}

		@Override
		public double progress() {
			return reader.progress();
		}

		@Override
		public void close() {
			reader.close();
		}

	}

	/**
	 * A vCard file as a table: one row per card, its columns mapped to contact fields.
	 */
	final class CardSource implements ImportSource {

		public static final List<String> HEADER = List.of("N: family", "N: given", "N: additional", "FN", "ORG",
				"TITLE", "TEL", "EMAIL", "BDAY", "NOTE", "ADR");

		/** Column → field of a vCard "table"; the address goes into the notes. */
		public static final Map<Integer, String> MAPPING = Map.of(0, ImportField.LAST_NAME.key(), 1,
				ImportField.FIRST_NAME.key(), 2, ImportField.MIDDLE_NAME.key(), 3, ImportField.FULL_NAME.key(), 4,
				ImportField.COMPANY.key(), 5, ImportField.POSITION.key(), 6, ImportField.PHONE.key(), 7,
				ImportField.EMAIL.key(), 8, ImportField.BIRTHDAY.key(), 9, ImportField.NOTES.key());

		private final CountingInputStream in;

		private final Stream<VCards.ReadCard> cards;

		private final Iterator<VCards.ReadCard> iterator;

		private final long size;

		private long number;

		private List<String> unmapped = List.of();

		CardSource(Path file) {
			try {
				this.size = Math.max(1, Files.size(file));
				this.in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.cards = VCards.read(in);
			this.iterator = cards.iterator();
		}

		@Override
		public List<String> header() {
			return HEADER;
		}

		@Override
		public @Nullable List<String> next() {
			if (!iterator.hasNext()) {
				return null;
			}
			VCards.ReadCard card = iterator.next();
			number = card.number();
			VCardContact contact = card.contact();
			List<String> notes = new ArrayList<>();
			contact.unmapped().forEach(property -> notes.add(property.property() + ": " + property.value()));
			if (contact.department() != null) {
				notes.add("ORG (unit): " + contact.department());
			}
			unmapped = notes;
			String note = contact.note();
			if (contact.address() != null) {
				note = note == null ? contact.address() : note + "\n" + contact.address();
			}
			boolean structured = contact.lastName() != null || contact.firstName() != null;
			return java.util.Arrays.asList(text(contact.lastName()), text(contact.firstName()),
					text(contact.middleName()), structured ? "" : text(contact.formattedName()),
					text(contact.organisation()), text(contact.jobTitle()),
					String.join("; ", contact.phones().stream().map(VCardContact.Telephone::number).toList()),
					String.join("; ", contact.emails().stream().map(VCardContact.EmailAddress::address).toList()),
					contact.birthday() == null ? "" : contact.birthday().toString(), text(note), "");
		}

		private static String text(@Nullable String value) {
			return value == null ? "" : value;
		}

		@Override
		public long rowNumber() {
			return number;
		}

		@Override
		public double progress() {
			return Math.min(1.0, (double) in.count() / size);
		}

		@Override
		public List<String> unmapped() {
			return unmapped;
		}

		@Override
		public void close() {
			cards.close();
			try {
				in.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
