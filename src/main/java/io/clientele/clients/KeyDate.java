package io.clientele.clients;

import java.time.LocalDate;

/**
 * A date worth remembering about a client: a contract's start, a jubilee.
 */
public record KeyDate(String label, LocalDate date) {
}
