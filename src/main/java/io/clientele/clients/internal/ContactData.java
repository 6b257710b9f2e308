package io.clientele.clients.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.clientele.clients.Email;
import io.clientele.clients.Messenger;
import io.clientele.clients.Phone;
import org.jspecify.annotations.Nullable;

/**
 * A contact person's data after it was checked.
 */
record ContactData(@Nullable String lastName, @Nullable String firstName, @Nullable String middleName, String fullName,
		@Nullable LocalDate birthday, List<Phone> phones, List<Email> emails, List<Messenger> messengers,
		@Nullable String notes, List<Employment> work, Map<String, Object> custom) {
}
