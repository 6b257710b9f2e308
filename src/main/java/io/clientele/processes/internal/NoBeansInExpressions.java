package io.clientele.processes.internal;

import java.util.HashMap;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.ProcessEngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * The expressions of route maps (conditions of branches, assignments) see the process's
 * variables only, not the application's Spring beans: by default the engine resolves any
 * bean name in an expression, so a map could call any service of the application. An
 * empty map of beans switches that off (decision 0013).
 */
@Component
class NoBeansInExpressions implements ProcessEngineConfigurationConfigurer {

	@Override
	public void configure(SpringProcessEngineConfiguration configuration) {
		configuration.setBeans(new HashMap<>());
	}

}
