package io.clientele.activities;

import org.jspecify.annotations.Nullable;

/**
 * An interaction taken back from the recycle bin.
 *
 * @param roomLost the room the meeting held before it was deleted and did not get back
 * (booked meanwhile or switched off), or null
 */
public record InteractionRestored(long id, @Nullable String roomLost) {
}
