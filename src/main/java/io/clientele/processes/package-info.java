/**
 * Business processes: route maps are BPMN 2.0 run by the embedded Flowable engine, on the
 * application's database in the schema {@code flowable}. The only module that imports
 * Flowable.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package io.clientele.processes;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
