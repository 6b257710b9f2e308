package io.clientele.clients.internal.vcard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.io.text.VCardWriter;
import io.clientele.shared.files.TextEncodings;

/**
 * Reads and writes contact persons as vCard files. Reading takes what address books
 * export — vCard 2.1 (Outlook, old phones; quoted-printable, {@code CHARSET} parameters),
 * 3.0 (Gmail, Thunderbird, Apple) and 4.0 — in UTF-8 or, when the bytes are not UTF-8,
 * Windows-1251. Writing produces vCard 4.0 (RFC 6350) in UTF-8.
 */
public final class VCards {

	private VCards() {
	}

	/**
	 * The cards of a file, one at a time, so that a large export with photos is never
	 * held whole. A file without any {@code BEGIN:VCARD} gives an empty stream.
	 * @param in the file's bytes; closing the stream closes it
	 * @return the cards in file order; close it when done
	 * @throws UncheckedIOException if the input cannot be read
	 */
	public static Stream<ReadCard> read(InputStream in) {
		try {
			TextEncodings.Decoded text = TextEncodings.decode(in);
			VCardReader reader = new VCardReader(text.reader(), VCardVersion.V2_1);
			reader.setDefaultQuotedPrintableCharset(text.charset());
			return StreamSupport.stream(new Cards(reader), false).onClose(() -> close(reader));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the contacts as vCard 4.0 in UTF-8. The stream is flushed, not closed.
	 * @param contacts the contacts to write
	 * @param out where to write them
	 * @throws UncheckedIOException if the output cannot be written
	 */
	public static void write(Iterable<VCardContact> contacts, OutputStream out) {
		Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		VCardWriter writer = new VCardWriter(text, VCardVersion.V4_0);
		writer.setAddProdId(false);
		try {
			for (VCardContact contact : contacts) {
				writer.write(ContactToVCard.card(contact));
			}
			writer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void close(VCardReader reader) {
		try {
			reader.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One card of a file.
	 *
	 * @param number the card's 1-based position in the file, for messages ("card 17")
	 * @param contact what the card holds
	 * @param warnings what the parser had to guess or skip, in English, with line numbers
	 */
	public record ReadCard(int number, VCardContact contact, List<String> warnings) {

		public ReadCard {
			warnings = List.copyOf(warnings);
		}

	}

	private static final class Cards extends Spliterators.AbstractSpliterator<ReadCard> {

		private final VCardReader reader;

		private int number;

		Cards(VCardReader reader) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.reader = reader;
		}

		@Override
		public boolean tryAdvance(Consumer<? super ReadCard> action) {
			VCard card;
			try {
				card = reader.readNext();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (card == null) {
				return false;
			}
			List<String> warnings = reader.getWarnings().stream().map(ParseWarning::toString).toList();
			action.accept(new ReadCard(++number, VCardToContact.map(card), warnings));
			return true;
		}

	}

}
