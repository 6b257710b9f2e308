/**
 * Believable data: the demo company filled in by {@code --demo}, and (later) the
 * generated data sets of the benchmarks.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "clients", "deals", "activities" })
@NullMarked
package io.clientele.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
