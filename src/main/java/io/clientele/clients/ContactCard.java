package io.clientele.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything a contact person's card shows.
 */
public record ContactCard(long id, long version, @Nullable String lastName, @Nullable String firstName,
		@Nullable String middleName, String fullName, @Nullable LocalDate birthday, List<Phone> phones,
		List<Email> emails, List<Messenger> messengers, @Nullable String notes, Map<String, Object> custom,
		List<WorkAt> work, Instant createdAt, Instant updatedAt) {

	/**
	 * @param visible whether the reader may open this client (names of other clients are
	 * shown only then)
	 */
	public record WorkAt(long clientId, String clientName, boolean visible, @Nullable String position,
			@Nullable String department, boolean keyPerson, boolean leftCompany, @Nullable LocalDate leftOn) {
	}

}
