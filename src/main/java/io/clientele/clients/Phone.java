package io.clientele.clients;

import org.jspecify.annotations.Nullable;

/**
 * A phone number in E.164 ({@code +74951234567}) with what it is (work, mobile…).
 */
public record Phone(String number, @Nullable String note) {
}
