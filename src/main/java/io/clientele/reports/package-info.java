/**
 * Reports: the sales funnel, from the deals module's public API and the read-only views
 * it publishes; nothing depends on reports.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "deals" })
@NullMarked
package io.clientele.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
