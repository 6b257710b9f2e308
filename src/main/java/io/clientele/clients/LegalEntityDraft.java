package io.clientele.clients;

import java.util.List;

import io.clientele.shared.Lists;
import org.jspecify.annotations.Nullable;

/**
 * A further legal entity of a client as submitted.
 */
public record LegalEntityDraft(@Nullable String name, @Nullable String inn, @Nullable String kpp, @Nullable String ogrn,
		@Nullable String address, List<BankAccount> bankAccounts) {

	public LegalEntityDraft {
		bankAccounts = Lists.of("bankAccounts", bankAccounts);
	}

}
