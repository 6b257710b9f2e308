package io.clientele.processes.internal;

import java.util.Set;

import org.flowable.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine creates its tables in the schema {@code flowable}, which the Flyway
 * migrations create; so the engine starts after them.
 */
class FlowableNeedsMigratedDatabase extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

	@Override
	protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
		return Set.of(ProcessEngine.class);
	}

}
