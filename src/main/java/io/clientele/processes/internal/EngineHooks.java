package io.clientele.processes.internal;

import java.util.ArrayList;
import java.util.List;

import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.ProcessEngineConfigurationConfigurer;
import org.springframework.stereotype.Component;

/**
 * Clientele's own code in the engine, registered in its configuration rather than named
 * in maps (which see no beans, decision 0013): the hook on every new action that picks
 * the action's person and, in a deal's process, moves the deal (an instruction's process
 * has no deal, decision 0016), the listener that closes a deal where its process ends,
 * and the inbox of open actions.
 */
@Component
class EngineHooks implements ProcessEngineConfigurationConfigurer {

	private final DealFollowsProcess deals;

	private final ProcessTaskInbox inbox;

	EngineHooks(DealFollowsProcess deals, ProcessTaskInbox inbox) {
		this.deals = deals;
		this.inbox = inbox;
	}

	@Override
	public void configure(SpringProcessEngineConfiguration configuration) {
		configuration.setCreateUserTaskInterceptor(deals);
		List<FlowableEventListener> listeners = new ArrayList<>();
		if (configuration.getEventListeners() != null) {
			listeners.addAll(configuration.getEventListeners());
		}
		listeners.add(deals);
		listeners.add(inbox);
		configuration.setEventListeners(listeners);
	}

}
