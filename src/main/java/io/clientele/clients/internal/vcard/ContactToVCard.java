package io.clientele.clients.internal.vcard;

import java.util.stream.Stream;

import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import io.clientele.clients.internal.vcard.VCardContact.EmailAddress;
import org.jspecify.annotations.Nullable;

/**
 * Builds the vCard 4.0 of a contact: what {@link VCardToContact} reads back into an equal
 * contact. FN, which 4.0 requires, falls back to "last first middle", then to the
 * organisation.
 */
final class ContactToVCard {

	private ContactToVCard() {
	}

	static VCard card(VCardContact contact) {
		VCard card = new VCard(VCardVersion.V4_0);
		if (contact.lastName() != null || contact.firstName() != null || contact.middleName() != null) {
			StructuredName name = new StructuredName();
			name.setFamily(contact.lastName());
			name.setGiven(contact.firstName());
			if (contact.middleName() != null) {
				name.getAdditionalNames().add(contact.middleName());
			}
			card.setStructuredName(name);
		}
		card.setFormattedName(formattedName(contact));
		if (contact.organisation() != null || contact.department() != null) {
			Organization organisation = new Organization();
			organisation.getValues().add((contact.organisation() != null) ? contact.organisation() : "");
			if (contact.department() != null) {
				organisation.getValues().add(contact.department());
			}
			card.setOrganization(organisation);
		}
		if (contact.jobTitle() != null) {
			card.addTitle(contact.jobTitle());
		}
		for (VCardContact.Telephone phone : contact.phones()) {
			Telephone telephone = new Telephone(phone.number());
			types(phone.type()).forEach(type -> telephone.getTypes().add(TelephoneType.get(type)));
			card.addTelephoneNumber(telephone);
		}
		for (EmailAddress address : contact.emails()) {
			Email email = new Email(address.address());
			types(address.type()).forEach(type -> email.getTypes().add(EmailType.get(type)));
			card.addEmail(email);
		}
		if (contact.birthday() != null) {
			card.setBirthday(new Birthday(contact.birthday()));
		}
		if (contact.note() != null) {
			card.addNote(contact.note());
		}
		if (contact.address() != null) {
			Address address = new Address();
			address.setStreetAddress(contact.address());
			card.addAddress(address);
		}
		return card;
	}

	private static String formattedName(VCardContact contact) {
		if (contact.formattedName() != null) {
			return contact.formattedName();
		}
		String name = contact.displayName();
		if (!name.isEmpty()) {
			return name;
		}
		return (contact.organisation() != null) ? contact.organisation() : "";
	}

	private static Stream<String> types(@Nullable String types) {
		return (types != null) ? Stream.of(types.split(",")).map(String::strip).filter(type -> !type.isEmpty())
				: Stream.empty();
	}

}
