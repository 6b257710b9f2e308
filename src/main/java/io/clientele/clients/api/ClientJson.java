package io.clientele.clients.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientCard;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.LegalEntity;
import io.clientele.clients.Messenger;
import io.clientele.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * A client as the API returns it.
 *
 * @param version give it back with an update; an update based on an older version is
 * refused
 * @param custom extra field values by field id
 */
record ClientJson(long id, long version, ClientKind kind, String name, @Nullable String shortName,
		@Nullable String lastName, @Nullable String firstName, @Nullable String middleName, @Nullable String inn,
		@Nullable String kpp, @Nullable String ogrn, @Nullable String industry, @Nullable CompanySize size,
		@Nullable String website, @Nullable String source, @Nullable LocalDate birthday, @Nullable LocalDate foundedOn,
		@Nullable String notes, @Nullable String city, List<PhoneJson> phones, List<Email> emails,
		List<Messenger> messengers, List<Address> addresses, List<BankAccount> bankAccounts, List<KeyDate> keyDates,
		List<SegmentJson> segments, Person responsible, Map<String, Object> custom, List<ContactLink> contacts,
		List<LegalEntity> legalEntities, Instant createdAt, Instant updatedAt) {

	record PhoneJson(String number, String display, @Nullable String note) {
	}

	record SegmentJson(long id, String type, String name) {
	}

	record Person(long id, String name) {
	}

	record ContactLink(long id, String fullName, @Nullable String position, boolean keyPerson, boolean leftCompany) {
	}

	static ClientJson of(ClientCard card) {
		return new ClientJson(card.id(), card.version(), card.kind(), card.name(), card.shortName(), card.lastName(),
				card.firstName(), card.middleName(), card.inn(), card.kpp(), card.ogrn(), card.industry(), card.size(),
				card.website(), card.source(), card.birthday(), card.foundedOn(), card.notes(), card.city(),
				card.phones()
					.stream()
					.map(phone -> new PhoneJson(phone.number(), PhoneNumbers.display(phone.number()), phone.note()))
					.toList(),
				card.emails(), card.messengers(), card.addresses(), card.bankAccounts(), card.keyDates(),
				card.segments().stream().map(s -> new SegmentJson(s.id(), s.typeName(), s.name())).toList(),
				new Person(card.responsibleId(), card.responsibleName()), card.custom(),
				card.contacts()
					.stream()
					.map(c -> new ContactLink(c.contactId(), c.fullName(), c.position(), c.keyPerson(),
							c.leftCompany()))
					.toList(),
				card.legalEntities(), card.createdAt(), card.updatedAt());
	}

}
