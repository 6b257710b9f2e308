package io.clientele.activities;

import java.time.Instant;

/**
 * A position in one source's entries, newest first: a source returns the entries strictly
 * older than it, {@code (at, id) < (this.at, this.id)} — a row comparison that walks an
 * index on {@code (…, at desc, id desc)} from the cursor on.
 */
public record TimelineCursor(Instant at, long id) {
}
