package io.clientele.clients.internal.vcard;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.clientele.clients.internal.vcard.VCards.ReadCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Real address book exports (Gmail, Outlook 2003 and 2007, Thunderbird, the RFC examples)
 * lose no name, phone or e-mail: each is checked against an independent scan of the raw
 * file.
 */
class VCardSamplesTests {

	static Stream<String> samples() throws IOException, URISyntaxException {
		try (Stream<Path> files = Files.list(folder())) {
			return files.map(file -> file.getFileName().toString())
				.filter(name -> name.endsWith(".vcf"))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void every_name_phone_and_email_of_the_file_is_read(String name) throws Exception {
		List<RawCard> raw = RawCard.scan(Files.readString(folder().resolve(name), StandardCharsets.UTF_8));
		List<ReadCard> cards = read(name);

		assertThat(cards).hasSameSizeAs(raw);
		for (int i = 0; i < raw.size(); i++) {
			RawCard expected = raw.get(i);
			VCardContact contact = cards.get(i).contact();
			assertThat(cards.get(i).number()).isEqualTo(i + 1);
			if (expected.named()) {
				assertThat(contact.displayName()).as("name of card %d", i + 1).isNotBlank();
			}
			if (expected.formattedName() != null) {
				assertThat(contact.formattedName()).isEqualTo(expected.formattedName());
			}
			if (expected.familyName() != null) {
				assertThat(contact.lastName()).isEqualTo(expected.familyName());
			}
			List<String> phones = new ArrayList<>(contact.phones().stream().map(phone -> phone.number()).toList());
			for (String phone : expected.phones()) {
				String found = phones.stream().filter(number -> samePhone(phone, number)).findFirst().orElse(null);
				assertThat(found).as("TEL %s of card %d among %s", phone, i + 1, phones).isNotNull();
				phones.remove(found);
			}
			List<String> emails = new ArrayList<>(contact.emails().stream().map(email -> email.address()).toList());
			for (String email : expected.emails()) {
				assertThat(emails).as("EMAIL of card %d", i + 1).contains(email);
				emails.remove(email);
			}
		}
	}

	@Test
	void what_a_gmail_card_holds_beyond_the_contact_fields_is_reported_with_its_labels() throws Exception {
		VCardContact contact = read("gmail-single.vcf").get(0).contact();

		assertThat(contact.phones()).containsExactly(new VCardContact.Telephone("555 555 1111", "cell"),
				new VCardContact.Telephone("555 555 2222", "GRAND_CENTRAL"));
		assertThat(contact.organisation()).isEqualTo("TheCompany");
		assertThat(contact.jobTitle()).isEqualTo("TheJobTitle");
		assertThat(contact.birthday()).hasToString("1960-09-10");
		assertThat(contact.address()).isEqualTo("123 Home St, Home City, HM 12345");
		assertThat(contact.note()).startsWith("This is GMail's note field.\nIt should be added as a NOTE type.");
		assertThat(contact.unmapped()).extracting(VCardContact.Unmapped::property)
			.contains("NICKNAME", "X-PHONETIC-FIRST-NAME", "X-ICQ", "ADR (CustomAdrType)", "URL (PROFILE)",
					"X-ABDATE (Anniversary)", "X-ABRELATEDNAMES (Spouse)")
			.doesNotContain("X-ABLABEL");
	}

	@Test
	void an_outlook_card_keeps_its_quoted_printable_note_and_describes_binary_data() throws Exception {
		VCardContact contact = read("outlook-2007.vcf").get(0).contact();

		assertThat(contact.lastName()).isEqualTo("Angstadt");
		assertThat(contact.firstName()).isEqualTo("Michael");
		assertThat(contact.organisation()).isEqualTo("TheCompany");
		assertThat(contact.department()).isEqualTo("TheDepartment");
		assertThat(contact.note()).contains("I assume it encodes this text inside a NOTE vCard type.");
		assertThat(contact.address()).isEqualTo("222 Broadway, TheOffice, New York, NY, 99999, USA");
		assertThat(contact.unmapped()).contains(new VCardContact.Unmapped("N (prefix)", "Mr."))
			.filteredOn(unmapped -> unmapped.property().equals("PHOTO"))
			.singleElement()
			.satisfies(photo -> assertThat(photo.value()).matches("\\(\\d+ bytes\\)"));
		assertThat(contact.unmapped()).extracting(VCardContact.Unmapped::property).doesNotContain("X-MS-OL-DESIGN");
	}

	@Test
	void a_vcard_4_phone_uri_becomes_its_number_with_the_extension() throws Exception {
		VCardContact contact = read("rfc6350-example.vcf").get(0).contact();

		assertThat(contact.phones()).containsExactly(new VCardContact.Telephone("+1-418-656-9254 ext. 102", "work"),
				new VCardContact.Telephone("+1-418-262-6501", "work,cell"));
		assertThat(contact.birthday()).as("a birthday without a year").isNull();
		assertThat(contact.unmapped()).contains(new VCardContact.Unmapped("BDAY", "--02-03"));
	}

	@Test
	void cards_with_only_a_formatted_name_get_first_and_last_name_from_it() throws Exception {
		List<ReadCard> cards = read("rfc2426-example.vcf");

		assertThat(cards)
			.extracting(card -> card.contact().firstName(), card -> card.contact().lastName(),
					card -> card.contact().organisation())
			.containsExactly(tuple("Frank", "Dawson", "Lotus Development Corporation"),
					tuple("Tim", "Howes", "Netscape Communications Corp."));
	}

	private static List<ReadCard> read(String name) throws Exception {
		try (InputStream in = Files.newInputStream(folder().resolve(name)); Stream<ReadCard> cards = VCards.read(in)) {
			return cards.toList();
		}
	}

	private static Path folder() throws URISyntaxException {
		return Path.of(VCardSamplesTests.class.getResource("/vcard").toURI());
	}

	/** Same number: a {@code tel:} URI by its digits, text as written up to spacing. */
	private static boolean samePhone(String raw, String parsed) {
		if (raw.toLowerCase(Locale.ROOT).startsWith("tel:")) {
			return digits(raw).equals(digits(parsed));
		}
		return spaced(raw).equals(spaced(parsed));
	}

	private static String digits(String text) {
		return text.replaceAll("\\D", "");
	}

	private static String spaced(String text) {
		return text.strip().replaceAll("\\s+", " ");
	}

	/**
	 * What a card holds by a plain look at its lines, without the library: lines
	 * unfolded, group prefixes dropped, values unescaped as far as names need it.
	 */
	record RawCard(boolean named, String formattedName, String familyName, List<String> phones, List<String> emails) {

		static List<RawCard> scan(String text) {
			List<RawCard> cards = new ArrayList<>();
			RawCard card = null;
			for (String line : text.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
				int colon = line.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = line.substring(0, colon).split(";")[0].replaceFirst("^[^.]*\\.", "")
					.toUpperCase(Locale.ROOT);
				String value = line.substring(colon + 1);
				if (name.equals("BEGIN") && value.equalsIgnoreCase("VCARD")) {
					card = new RawCard(false, null, null, new ArrayList<>(), new ArrayList<>());
				}
				else if (name.equals("END") && value.equalsIgnoreCase("VCARD") && card != null) {
					cards.add(card);
					card = null;
				}
				else if (card != null) {
					card = card.with(name, value);
				}
			}
			return cards;
		}

		RawCard with(String name, String value) {
			switch (name) {
				case "TEL":
					phones.add(value);
					return this;
				case "EMAIL":
					emails.add(value.strip());
					return this;
				case "FN":
					return new RawCard(true, unescape(value), familyName, phones, emails);
				case "N":
					String family = unescape(value.split("(?<!\\\\);")[0]);
					return new RawCard(true, formattedName, family.isEmpty() ? null : family, phones, emails);
				default:
					return this;
			}
		}

		private static String unescape(String value) {
			return value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\").strip();
		}

	}

}
