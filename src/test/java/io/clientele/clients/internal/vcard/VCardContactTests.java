package io.clientele.clients.internal.vcard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import io.clientele.clients.internal.vcard.VCardContact.EmailAddress;
import io.clientele.clients.internal.vcard.VCardContact.Telephone;
import io.clientele.clients.internal.vcard.VCards.ReadCard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Russian contacts survive the trip through vCard: names with patronymics, Cyrillic in
 * UTF-8 and in the Windows-1251 of old Outlook, several phones and e-mails, birthdays.
 */
class VCardContactTests {

	private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

	@Test
	void contacts_written_as_vcard_4_read_back_equal() {
		List<VCardContact> contacts = List.of(
				new VCardContact("Иванов", "Иван", "Петрович", "Иванов Иван Петрович", "ООО «Ромашка»", "Отдел продаж",
						"Коммерческий директор",
						List.of(new Telephone("+7 495 123-45-67", "work"), new Telephone("+7 916 000-00-01", "cell"),
								new Telephone("8 (800) 555-35-35", null)),
						List.of(new EmailAddress("ivanov@romashka.ru", "work"),
								new EmailAddress("ivan.petrovich@mail.ru", "home")),
						LocalDate.of(1975, 5, 9), "Любит звонки после обеда;\nне писать в выходные, пожалуйста",
						"ул. Ленина, д. 1, Москва, 101000", List.of()),
				new VCardContact("Сидорова", "Анна", "Сергеевна", "Анна Сидорова", null, null, null,
						List.of(new Telephone("+7 (812) 000-00-02", "home,fax")),
						List.of(new EmailAddress("anna@example.com", null)), LocalDate.of(2000, 2, 29), null, null,
						List.of()),
				new VCardContact("Ёлкин", "Пётр", null, "Пётр Ёлкин", "ИП Ёлкин", null, null, List.of(), List.of(),
						null, null, null, List.of()));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		VCards.write(contacts, out);
		String written = out.toString(StandardCharsets.UTF_8);

		assertThat(written).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").contains("N:Иванов;Иван;Петрович;;");
		assertThat(read(out.toByteArray())).extracting(ReadCard::contact).containsExactlyElementsOf(contacts);
	}

	@Test
	void a_russian_structured_name_maps_to_last_first_and_middle_name() {
		VCardContact contact = readOne(
				"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Иванов;Иван;Петрович;;\r\nFN:Иван Иванов\r\n" + "END:VCARD\r\n",
				StandardCharsets.UTF_8);

		assertThat(contact.lastName()).isEqualTo("Иванов");
		assertThat(contact.firstName()).isEqualTo("Иван");
		assertThat(contact.middleName()).isEqualTo("Петрович");
		assertThat(contact.formattedName()).isEqualTo("Иван Иванов");
		assertThat(contact.displayName()).isEqualTo("Иванов Иван Петрович");
	}

	@Test
	void without_n_the_names_come_from_fn_with_the_patronymic_recognised() {
		VCardContact contact = readOne("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Петрова Мария Ивановна\r\nEND:VCARD\r\n",
				StandardCharsets.UTF_8);

		assertThat(contact.lastName()).isEqualTo("Петрова");
		assertThat(contact.firstName()).isEqualTo("Мария");
		assertThat(contact.middleName()).isEqualTo("Ивановна");
	}

	@Test
	void a_card_of_an_organisation_keeps_the_organisation_and_invents_no_person() {
		VCardContact onlyOrg = readOne("BEGIN:VCARD\r\nVERSION:3.0\r\nORG:ООО Вектор;Бухгалтерия\r\n"
				+ "TEL;TYPE=WORK:+7 495 000-00-03\r\nEND:VCARD\r\n", StandardCharsets.UTF_8);
		VCardContact fnIsOrg = readOne(
				"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:ООО Вектор\r\nORG:ООО Вектор\r\n" + "END:VCARD\r\n",
				StandardCharsets.UTF_8);

		assertThat(onlyOrg.organisation()).isEqualTo("ООО Вектор");
		assertThat(onlyOrg.department()).isEqualTo("Бухгалтерия");
		assertThat(onlyOrg.lastName()).isNull();
		assertThat(onlyOrg.firstName()).isNull();
		assertThat(onlyOrg.phones()).containsExactly(new Telephone("+7 495 000-00-03", "work"));
		assertThat(fnIsOrg.organisation()).isEqualTo("ООО Вектор");
		assertThat(fnIsOrg.firstName()).isNull();
		assertThat(fnIsOrg.lastName()).isNull();
	}

	@Test
	void an_old_outlook_card_in_windows_1251_with_quoted_printable_is_decoded() {
		String card = "BEGIN:VCARD\r\nVERSION:2.1\r\n"
				+ "N;CHARSET=Windows-1251;ENCODING=QUOTED-PRINTABLE:=D1=EC=E8=F0=ED=EE=E2;=CE=EB=E5=E3\r\n"
				+ "FN;CHARSET=Windows-1251:Олег Смирнов\r\n"
				+ "NOTE;CHARSET=Windows-1251;ENCODING=QUOTED-PRINTABLE:=CF=E5=F0=E2=E0=FF =F1=F2=F0=EE=EA=E0=0D=0A=\r\n"
				+ "=C2=F2=EE=F0=E0=FF\r\n" + "TEL;CELL;VOICE:+7 903 000-00-04\r\n"
				+ "EMAIL;PREF;INTERNET:oleg@example.ru\r\nEND:VCARD\r\n";

		VCardContact contact = readOne(card, WINDOWS_1251);

		assertThat(contact.lastName()).isEqualTo("Смирнов");
		assertThat(contact.firstName()).isEqualTo("Олег");
		assertThat(contact.formattedName()).isEqualTo("Олег Смирнов");
		assertThat(contact.note()).isEqualTo("Первая строка\r\nВторая");
		assertThat(contact.phones()).containsExactly(new Telephone("+7 903 000-00-04", "cell"));
		assertThat(contact.emails()).containsExactly(new EmailAddress("oleg@example.ru", null));
	}

	@Test
	void a_file_without_cards_gives_no_cards() {
		assertThat(read("name;phone\nИванов;123\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
	}

	private static VCardContact readOne(String card, Charset charset) {
		List<ReadCard> cards = read(card.getBytes(charset));
		assertThat(cards).hasSize(1);
		return cards.get(0).contact();
	}

	private static List<ReadCard> read(byte[] bytes) {
		try (Stream<ReadCard> cards = VCards.read(new ByteArrayInputStream(bytes))) {
			return cards.toList();
		}
	}

}
