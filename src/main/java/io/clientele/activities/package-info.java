/**
 * Activities: interactions with clients (calls, e-mails, meetings, notes…), tasks and the
 * work items of the sales conveyor, the calendar and reminders. Declares the
 * {@code TaskSource} SPI through which other modules offer their tasks to "My tasks", and
 * the {@code TimelineSource} SPI through which they add entries to the client and deal
 * timelines.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "clients", "clients :: spi", "deals", "deals :: spi",
		"audit", "audit :: spi" })
@NullMarked
package io.clientele.activities;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
