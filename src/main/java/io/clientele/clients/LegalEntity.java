package io.clientele.clients;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A further legal entity through which a client group acts, with its own requisites.
 */
public record LegalEntity(long id, long clientId, String name, @Nullable String inn, @Nullable String kpp,
		@Nullable String ogrn, @Nullable String address, List<BankAccount> bankAccounts, long version) {
}
