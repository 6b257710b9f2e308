package io.clientele.clients;

import org.jspecify.annotations.Nullable;

/**
 * A settlement account at a Russian bank, checked against the bank's BIC.
 */
public record BankAccount(String bic, String account, @Nullable String correspondentAccount, @Nullable String bank) {
}
