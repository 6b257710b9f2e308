package io.clientele.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Records for tests outside this package that need a filled-in client.
 */
public final class TourFixtures {

	private TourFixtures() {
	}

	public static ClientDraft organisation(String name, long segmentId) {
		var draft = ClientFixtures.organisation(name);
		return new ClientDraft(draft.kind(), draft.name(), "Тест Тур", null, null, null, draft.inn(), draft.kpp(),
				draft.ogrn(), draft.industry(), draft.size(), draft.website(), draft.source(), null, draft.foundedOn(),
				draft.notes(), draft.phones(), draft.emails(), draft.messengers(), draft.addresses(),
				draft.bankAccounts(), draft.keyDates(), List.of(segmentId), null, Map.of());
	}

	/** An organisation with only its name. */
	public static ClientDraft named(String name) {
		return new ClientDraft(ClientKind.ORGANISATION, name, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of(), null, Map.of());
	}

	public static ClientDraft person() {
		return ClientFixtures.person("Петров", "Пётр");
	}

	public static ContactDraft contact(long clientId) {
		return new ContactDraft("Сидорова", "Анна", "Павловна", LocalDate.of(1990, 2, 3),
				List.of(new Phone("+7 921 555-66-77", "мобильный")), List.of(new Email("anna@example.ru", null)),
				List.of(), "Решает вопросы оплаты",
				List.of(new ContactDraft.Work(clientId, "Главный бухгалтер", "Бухгалтерия", true, false, null)),
				Map.of());
	}

}
