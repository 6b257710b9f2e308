package io.clientele.clients.internal.vcard;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.clientele.clients.ContactCard;
import io.clientele.clients.Email;
import io.clientele.clients.Phone;
import org.jspecify.annotations.Nullable;

/**
 * What of a contact person's card goes into their vCard: the names, every phone number
 * and e-mail address, the birthday and notes, and the job they hold (ORG and TITLE) at
 * the first client of the card they have not left. Messengers and extra fields stay out,
 * as address books would not know them.
 */
public final class ContactCardToVCard {

	/**
	 * What people write as a number's or address's note, and the vCard type it means. A
	 * note that is neither one of these nor a plain Latin word (which vCard allows as a
	 * type of its own) is left out of the card.
	 */
	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("work", "work"),
			Map.entry("рабочий", "work"), Map.entry("home", "home"), Map.entry("домашний", "home"),
			Map.entry("cell", "cell"), Map.entry("mobile", "cell"), Map.entry("мобильный", "cell"),
			Map.entry("сотовый", "cell"), Map.entry("fax", "fax"), Map.entry("факс", "fax"),
			Map.entry("pager", "pager"));

	private static final Pattern TOKEN = Pattern.compile("[a-z0-9-]+");

	private ContactCardToVCard() {
	}

	public static VCardContact contact(ContactCard card) {
		ContactCard.WorkAt job = card.work()
			.stream()
			.filter(work -> !work.leftCompany())
			.findFirst()
			.orElse(card.work().isEmpty() ? null : card.work().get(0));
		List<VCardContact.Telephone> phones = card.phones()
			.stream()
			.map(phone -> new VCardContact.Telephone(phone.number(), type(phone.note())))
			.toList();
		List<VCardContact.EmailAddress> emails = card.emails()
			.stream()
			.map(email -> new VCardContact.EmailAddress(email.address(), type(email.note())))
			.toList();
		return new VCardContact(card.lastName(), card.firstName(), card.middleName(), card.fullName(),
				job == null ? null : job.clientName(), job == null ? null : blankToNull(job.department()),
				job == null ? null : blankToNull(job.position()), phones, emails, card.birthday(),
				blankToNull(card.notes()), null, List.of());
	}

	/** The vCard type a {@link Phone#note()} or {@link Email#note()} means, or null. */
	private static @Nullable String type(@Nullable String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String word = note.strip().toLowerCase(Locale.ROOT);
		String known = TYPES.get(word);
		return known != null ? known : TOKEN.matcher(word).matches() ? word : null;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
