package io.clientele.clients.internal.vcard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Label;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.property.VCardProperty;
import ezvcard.util.TelUri;
import io.clientele.clients.PersonName;
import io.clientele.clients.internal.vcard.VCardContact.EmailAddress;
import io.clientele.clients.internal.vcard.VCardContact.Unmapped;
import org.jspecify.annotations.Nullable;

/**
 * Maps one parsed card to a {@link VCardContact}: the first N, FN, ORG, TITLE and BDAY,
 * every TEL and EMAIL, all NOTEs, the preferred ADR; everything else is listed as
 * unmapped, except bookkeeping (PRODID, REV, UID, Outlook's layout). A card without N
 * takes the names from FN, unless FN is just the organisation's name.
 */
final class VCardToContact {

	private static final Set<String> NOT_FOR_PEOPLE = Set.of("PRODID", "REV", "UID", "X-ABLABEL", "X-MS-OL-DESIGN",
			"X-MS-OL-DEFAULT-POSTAL-ADDRESS");

	private final VCard card;

	private final PropertyLabels labels;

	private final List<Unmapped> unmapped = new ArrayList<>();

	private final List<VCardContact.Telephone> phones = new ArrayList<>();

	private final List<EmailAddress> emails = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<Address> addresses = new ArrayList<>();

	private final List<Label> addressLabels = new ArrayList<>();

	private @Nullable StructuredName name;

	private @Nullable String formattedName;

	private @Nullable Organization organisation;

	private @Nullable String jobTitle;

	private @Nullable LocalDate birthday;

	private VCardToContact(VCard card) {
		this.card = card;
		this.labels = new PropertyLabels(card);
	}

	static VCardContact map(VCard card) {
		return new VCardToContact(card).map();
	}

	private VCardContact map() {
		for (VCardProperty property : card.getProperties()) {
			if (!take(property)) {
				unmapped(property);
			}
		}
		return contact();
	}

	private boolean take(VCardProperty property) {
		if (property instanceof StructuredName && name == null) {
			name = (StructuredName) property;
		}
		else if (property instanceof FormattedName && formattedName == null) {
			formattedName = text(((FormattedName) property).getValue());
		}
		else if (property instanceof Organization && organisation == null) {
			organisation = (Organization) property;
		}
		else if (property instanceof Title && jobTitle == null) {
			jobTitle = text(((Title) property).getValue());
		}
		else if (property instanceof Telephone) {
			telephone((Telephone) property);
		}
		else if (property instanceof Email) {
			email((Email) property);
		}
		else if (property instanceof Birthday) {
			return birthday((Birthday) property);
		}
		else if (property instanceof Note) {
			String note = text(((Note) property).getValue());
			if (note != null) {
				notes.add(note);
			}
		}
		else if (property instanceof Address) {
			addresses.add((Address) property);
		}
		else if (property instanceof Label) {
			addressLabels.add((Label) property);
		}
		else {
			return NOT_FOR_PEOPLE.contains(PropertyText.name(property).toUpperCase(Locale.ROOT));
		}
		return true;
	}

	private void telephone(Telephone telephone) {
		String number = (telephone.getText() != null) ? text(telephone.getText()) : number(telephone.getUri());
		if (number != null) {
			phones.add(new VCardContact.Telephone(number, labels.type(telephone)));
		}
	}

	private void email(Email email) {
		String address = text(email.getValue());
		if (address != null) {
			emails.add(new EmailAddress(address, labels.type(email)));
		}
	}

	/** The first dated birthday; the same date again (an ALTID twin) is no news. */
	private boolean birthday(Birthday property) {
		LocalDate date = Birthdays.date(property);
		if (date != null && (birthday == null || birthday.equals(date))) {
			birthday = date;
			return true;
		}
		return false;
	}

	private VCardContact contact() {
		PersonName person = personName();
		List<String> units = (organisation != null) ? organisation.getValues() : List.of();
		String organisationName = units.isEmpty() ? null : text(units.get(0));
		String department = text(units.stream()
			.skip(1)
			.map(VCardToContact::text)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(", ")));
		String note = String.join("\n\n", notes);
		return new VCardContact(person.last(), person.first(), person.middle(), formattedName, organisationName,
				department, jobTitle, phones, emails, birthday, text(note), address(), unmapped);
	}

	private PersonName personName() {
		if (name != null) {
			String middle = String.join(" ", name.getAdditionalNames());
			PersonName structured = new PersonName(text(name.getFamily()), text(name.getGiven()), text(middle));
			name.getPrefixes().forEach(prefix -> unmapped.add(new Unmapped("N (prefix)", prefix)));
			name.getSuffixes().forEach(suffix -> unmapped.add(new Unmapped("N (suffix)", suffix)));
			if (structured.last() != null || structured.first() != null || structured.middle() != null) {
				return structured;
			}
		}
		String organisationName = (organisation != null && !organisation.getValues().isEmpty())
				? organisation.getValues().get(0) : null;
		if (formattedName == null || formattedName.equalsIgnoreCase(text(organisationName))) {
			return new PersonName(null, null, null);
		}
		return PersonName.split(formattedName);
	}

	private @Nullable String address() {
		Address chosen = addresses.stream().filter(Addresses::preferred).findFirst().orElse(null);
		if (chosen == null && !addresses.isEmpty()) {
			chosen = addresses.get(0);
		}
		String line = (chosen != null) ? Addresses.line(chosen) : null;
		for (Address other : addresses) {
			if (other != chosen) {
				unmapped(other);
			}
		}
		for (Label label : addressLabels) {
			if (line == null && label.getValue() != null && !label.getValue().isBlank()) {
				line = Addresses.oneLine(label.getValue());
			}
			else {
				unmapped(label);
			}
		}
		return line;
	}

	private void unmapped(VCardProperty property) {
		String label = labels.label(property);
		String name = PropertyText.name(property) + ((label != null) ? " (" + label + ")" : "");
		unmapped.add(new Unmapped(name, PropertyText.value(property, card.getVersion())));
	}

	private static @Nullable String number(@Nullable TelUri uri) {
		if (uri == null) {
			return null;
		}
		String extension = uri.getExtension();
		return text(uri.getNumber() + ((extension != null) ? " ext. " + extension : ""));
	}

	private static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
