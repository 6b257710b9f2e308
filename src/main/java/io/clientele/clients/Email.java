package io.clientele.clients;

import org.jspecify.annotations.Nullable;

/**
 * An e-mail address as given, with what it is for.
 */
public record Email(String address, @Nullable String note) {
}
