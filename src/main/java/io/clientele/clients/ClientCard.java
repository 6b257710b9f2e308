package io.clientele.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.shared.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Everything the client card shows, for a user allowed to see the client.
 *
 * @param custom extra field values by field key, as stored
 */
public record ClientCard(long id, long version, ClientKind kind, String name, @Nullable String shortName,
		@Nullable String lastName, @Nullable String firstName, @Nullable String middleName, @Nullable String inn,
		@Nullable String kpp, @Nullable String ogrn, @Nullable String industry, @Nullable CompanySize size,
		@Nullable String website, @Nullable String source, @Nullable LocalDate birthday, @Nullable LocalDate foundedOn,
		@Nullable String notes, @Nullable String city, List<Phone> phones, List<Email> emails,
		List<Messenger> messengers, List<Address> addresses, List<BankAccount> bankAccounts, List<KeyDate> keyDates,
		List<Segment> segments, long responsibleId, String responsibleName, Map<String, Object> custom,
		Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt, List<ContactOfClient> contacts,
		List<LegalEntity> legalEntities, Completeness completeness) {

	public boolean organisation() {
		return kind == ClientKind.ORGANISATION;
	}

	public String phoneForDisplay(Phone phone) {
		return PhoneNumbers.display(phone.number());
	}

	/** A contact person as the client's card lists them. */
	public record ContactOfClient(long contactId, String fullName, @Nullable String position,
			@Nullable String department, boolean keyPerson, boolean leftCompany, @Nullable LocalDate leftOn,
			List<String> phones, List<String> emails) {
	}

	/**
	 * Which of the fields the administrator made required for this kind of client are
	 * empty.
	 *
	 * @param missing message keys of the empty required fields
	 */
	public record Completeness(int percent, List<String> missing) {

		public boolean complete() {
			return missing.isEmpty();
		}

	}

}
