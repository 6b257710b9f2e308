package io.clientele.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.shared.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A client as submitted by a form or an API call, before it is checked. An organisation
 * has a name; an individual has name parts, from which the name is made.
 *
 * @param responsibleId the manager responsible; null means the submitting user
 * @param custom extra field values by field key
 */
public record ClientDraft(ClientKind kind, @Nullable String name, @Nullable String shortName, @Nullable String lastName,
		@Nullable String firstName, @Nullable String middleName, @Nullable String inn, @Nullable String kpp,
		@Nullable String ogrn, @Nullable String industry, @Nullable CompanySize size, @Nullable String website,
		@Nullable String source, @Nullable LocalDate birthday, @Nullable LocalDate foundedOn, @Nullable String notes,
		List<Phone> phones, List<Email> emails, List<Messenger> messengers, List<Address> addresses,
		List<BankAccount> bankAccounts, List<KeyDate> keyDates, List<Long> segmentIds, @Nullable Long responsibleId,
		Map<String, ?> custom) {

	public ClientDraft {
		phones = Lists.of("phones", phones);
		emails = Lists.of("emails", emails);
		messengers = Lists.of("messengers", messengers);
		addresses = Lists.of("addresses", addresses);
		bankAccounts = Lists.of("bankAccounts", bankAccounts);
		keyDates = Lists.of("keyDates", keyDates);
		segmentIds = Lists.of("segmentIds", segmentIds);
		custom = custom == null ? Map.of() : custom;
	}

}
