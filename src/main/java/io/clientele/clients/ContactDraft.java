package io.clientele.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.shared.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A contact person as submitted, with the clients they work for.
 */
public record ContactDraft(@Nullable String lastName, @Nullable String firstName, @Nullable String middleName,
		@Nullable LocalDate birthday, List<Phone> phones, List<Email> emails, List<Messenger> messengers,
		@Nullable String notes, List<Work> work, Map<String, ?> custom) {

	public ContactDraft {
		phones = Lists.of("phones", phones);
		emails = Lists.of("emails", emails);
		messengers = Lists.of("messengers", messengers);
		work = Lists.of("work", work);
		custom = custom == null ? Map.of() : custom;
	}

	/**
	 * The contact's role at one client.
	 *
	 * @param leftCompany whether they no longer work there (kept, marked as former)
	 */
	public record Work(long clientId, @Nullable String position, @Nullable String department, boolean keyPerson,
			boolean leftCompany, @Nullable LocalDate leftOn) {
	}

}
