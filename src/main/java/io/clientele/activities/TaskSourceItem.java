package io.clientele.activities;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An open task of another module as "My tasks" shows it.
 *
 * @param href the page that opens it (the owning module checks access there)
 * @param dueOn its deadline's day in the installation's time zone, or null
 * @param dueAt its deadline's instant when it has a time, or null
 * @param attention whether it is new to its executor (shown highlighted)
 */
public record TaskSourceItem(String href, String title, @Nullable LocalDate dueOn, @Nullable Instant dueAt,
		boolean attention) {
}
