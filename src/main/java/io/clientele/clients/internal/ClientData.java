package io.clientele.clients.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import org.jspecify.annotations.Nullable;

/**
 * A client's editable data after {@link ClientRules} checked and normalised it.
 */
record ClientData(ClientKind kind, String name, @Nullable String shortName, @Nullable String lastName,
		@Nullable String firstName, @Nullable String middleName, @Nullable String inn, @Nullable String kpp,
		@Nullable String ogrn, @Nullable String industry, @Nullable CompanySize size, @Nullable String website,
		@Nullable String source, @Nullable LocalDate birthday, @Nullable LocalDate foundedOn, @Nullable String notes,
		List<Phone> phones, List<Email> emails, List<Messenger> messengers, List<Address> addresses,
		List<BankAccount> bankAccounts, List<KeyDate> keyDates, List<Long> segmentIds, long responsibleId,
		Map<String, Object> custom) {

	/** The city lists show: of the actual address, else the legal one, else any. */
	@Nullable String city() {
		for (Address.Kind kind : List.of(Address.Kind.ACTUAL, Address.Kind.LEGAL, Address.Kind.POSTAL,
				Address.Kind.HOME)) {
			for (Address address : addresses) {
				if (address.kind() == kind && address.city() != null && !address.city().isBlank()) {
					return address.city();
				}
			}
		}
		return null;
	}

}
