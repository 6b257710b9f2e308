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
 * the inbox of open actions, and the escalation of an action whose deadline passed
 * (decision 0017).
 */
@Component
class EngineHooks implements ProcessEngineConfigurationConfigurer {

	private final DealFollowsProcess deals;

	private final ProcessTaskInbox inbox;

	private final DeadlineEscalation deadlines;

	EngineHooks(DealFollowsProcess deals, ProcessTaskInbox inbox, DeadlineEscalation deadlines) {
		this.deals = deals;
		this.inbox = inbox;
		this.deadlines = deadlines;
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
		listeners.add(deadlines);
		// Timers (deadlines) and async continuations run on the engine's job executor,
		// which Spring Boot's starter switches on (flowable.async-executor-activate);
		// several
		// nodes take a due job exactly once through the engine's lock on its row
		// (decision
		// 0017).
		configuration.setAsyncExecutorActivate(true);
		configuration.setEventListeners(listeners);
	}

}
