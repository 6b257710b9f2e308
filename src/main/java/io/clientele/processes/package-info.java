/**
 * Business processes: route maps are BPMN 2.0 run by the embedded Flowable engine, on the
 * application's database in the schema {@code flowable}; deals under process control
 * follow their scenario's map, whose actions reach their people through "My tasks", and
 * so do instructions on the shipped map {@code instruction}. The only module that imports
 * Flowable.
 */
@ApplicationModule(allowedDependencies = { "shared", "identity", "clients", "clients :: spi", "deals", "deals :: spi",
		"activities" })
@NullMarked
package io.clientele.processes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
