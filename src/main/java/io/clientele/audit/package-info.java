/**
 * The history of business records: who changed which field from what to what, and when.
 * Fed by {@link io.clientele.shared.RecordChanged} events; read by record pages.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity" })
@NullMarked
package io.clientele.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
