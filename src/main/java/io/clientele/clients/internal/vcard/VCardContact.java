package io.clientele.clients.internal.vcard;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * One contact person as a vCard holds it, before the import decides what becomes of it.
 *
 * @param lastName the family name (N, first component)
 * @param firstName the given name (N, second component)
 * @param middleName the additional names, in Russia the patronymic (N, third component)
 * @param formattedName the name as displayed (FN)
 * @param organisation the organisation's name (ORG, first component)
 * @param department the organisational units (ORG, further components), comma-separated
 * @param jobTitle the job title (TITLE)
 * @param phones the phone numbers, as written
 * @param emails the e-mail addresses
 * @param birthday the birthday, if it has a year
 * @param note the notes (NOTE), several joined by blank lines
 * @param address the preferred or first postal address (ADR) as one line
 * @param unmapped what the card holds that none of the above took, for the user to see
 */
public record VCardContact(@Nullable String lastName, @Nullable String firstName, @Nullable String middleName,
		@Nullable String formattedName, @Nullable String organisation, @Nullable String department,
		@Nullable String jobTitle, List<Telephone> phones, List<EmailAddress> emails, @Nullable LocalDate birthday,
		@Nullable String note, @Nullable String address, List<Unmapped> unmapped) {

	public VCardContact {
		phones = List.copyOf(phones);
		emails = List.copyOf(emails);
		unmapped = List.copyOf(unmapped);
	}

	/**
	 * The person's name for lists and messages: last, first and middle name, or the
	 * formatted name if the card has no structured one.
	 * @return the name, or an empty string if the card names nobody
	 */
	public String displayName() {
		String structured = Stream.of(lastName, firstName, middleName)
			.filter(part -> part != null && !part.isBlank())
			.collect(Collectors.joining(" "));
		if (!structured.isEmpty()) {
			return structured;
		}
		return (formattedName != null) ? formattedName.strip() : "";
	}

	/**
	 * A phone number.
	 *
	 * @param number the number as written, e.g. {@code +7 (495) 123-45-67}; a
	 * {@code tel:} URI becomes its number, with {@code ext. N} for an extension
	 * @param type what it is, lower case and comma-separated: {@code work}, {@code cell},
	 * {@code home}, {@code fax}, {@code pager} or a label of the address book; null if
	 * the card does not say
	 */
	public record Telephone(String number, @Nullable String type) {

	}

	/**
	 * An e-mail address.
	 *
	 * @param address the address as written
	 * @param type what it is, e.g. {@code work} or {@code home}; null if the card does
	 * not say
	 */
	public record EmailAddress(String address, @Nullable String type) {

	}

	/**
	 * A property that the import does not take.
	 *
	 * @param property its name as in the file, e.g. {@code NICKNAME} or
	 * {@code X-ABDATE (Anniversary)} with an address book's label
	 * @param value its value as text (binary data is described, not copied)
	 */
	public record Unmapped(String property, String value) {

	}

}
