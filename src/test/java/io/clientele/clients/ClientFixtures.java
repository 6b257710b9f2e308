package io.clientele.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Drafts of believable clients for tests, with valid requisites.
 */
final class ClientFixtures {

	/** Sberbank's INN, KPP and OGRN, which pass their check digits. */
	static final String INN = "7707083893";

	static final String KPP = "773601001";

	static final String OGRN = "1027700132195";

	/** A settlement account valid for the BIC 044525225. */
	static final String BIC = "044525225";

	static final String ACCOUNT = "40702810200000012345";

	private ClientFixtures() {
	}

	static ClientDraft organisation(String name) {
		return organisation(name, null);
	}

	static ClientDraft organisation(String name, @Nullable Long responsibleId) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, INN, KPP, OGRN, "Retail",
				CompanySize.SMALL, "romashka.example", "Exhibition", null, LocalDate.of(2010, 5, 17), "Pays on time",
				List.of(new Phone("8 (495) 123-45-67", "reception")), List.of(new Email("info@romashka.example", null)),
				List.of(new Messenger("Telegram", "@romashka")),
				List.of(new Address(Address.Kind.LEGAL, "ул. Ленина, д. 1", "Москва", "101000")),
				List.of(new BankAccount(BIC, ACCOUNT, "30101810400000000225", "ПАО Сбербанк")),
				List.of(new KeyDate("Contract", LocalDate.of(2024, 1, 15))), List.of(), responsibleId, Map.of());
	}

	static ClientDraft person(String lastName, String firstName) {
		return new ClientDraft(ClientKind.INDIVIDUAL, null, null, lastName, firstName, null, null, null, null, null,
				null, null, null, LocalDate.of(1985, 3, 8), null, null, List.of(new Phone("+7 916 000-11-22", null)),
				List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, Map.of());
	}

	static ClientDraft withName(ClientDraft draft, String name) {
		return new ClientDraft(draft.kind(), name, draft.shortName(), draft.lastName(), draft.firstName(),
				draft.middleName(), draft.inn(), draft.kpp(), draft.ogrn(), draft.industry(), draft.size(),
				draft.website(), draft.source(), draft.birthday(), draft.foundedOn(), draft.notes(), draft.phones(),
				draft.emails(), draft.messengers(), draft.addresses(), draft.bankAccounts(), draft.keyDates(),
				draft.segmentIds(), draft.responsibleId(), draft.custom());
	}

}
