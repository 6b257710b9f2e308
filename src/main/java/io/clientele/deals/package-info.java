/**
 * Deals: sales scenarios with their stages, checklists and loss reasons; deals carried
 * through the stages to won or lost, with their lines, stays in stages and probability
 * estimates.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "clients", "clients :: spi", "audit", "audit :: spi" })
@NullMarked
package io.clientele.deals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
