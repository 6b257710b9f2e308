package io.clientele.clients.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Address;
import io.clientele.clients.BankAccount;
import io.clientele.clients.ClientDraft;
import io.clientele.clients.ClientKind;
import io.clientele.clients.CompanySize;
import io.clientele.clients.Email;
import io.clientele.clients.KeyDate;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A client to create, or the whole new state of one to update (fields left out are
 * cleared).
 *
 * @param version the version the change is based on; required for an update
 */
record ClientWrite(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) ClientKind kind, @Nullable String name,
		@Nullable String shortName, @Nullable String lastName, @Nullable String firstName, @Nullable String middleName,
		@Nullable String inn, @Nullable String kpp, @Nullable String ogrn, @Nullable String industry,
		@Nullable CompanySize size, @Nullable String website, @Nullable String source, @Nullable LocalDate birthday,
		@Nullable LocalDate foundedOn, @Nullable String notes, @Nullable List<Phone> phones,
		@Nullable List<Email> emails, @Nullable List<Messenger> messengers, @Nullable List<Address> addresses,
		@Nullable List<BankAccount> bankAccounts, @Nullable List<KeyDate> keyDates, @Nullable List<Long> segmentIds,
		@Nullable Long responsibleId, @Nullable Map<String, Object> custom, @Nullable Long version) {

	ClientDraft draft() {
		return new ClientDraft(kind, name, shortName, lastName, firstName, middleName, inn, kpp, ogrn, industry, size,
				website, source, birthday, foundedOn, notes, phones, emails, messengers, addresses, bankAccounts,
				keyDates, segmentIds, responsibleId, custom);
	}

}
