package io.clientele.processes.internal;

import io.clientele.deals.DealFacts;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.internal.ActionAttributes.Assignee;
import org.springframework.stereotype.Component;

/**
 * Who does an action of a deal's process, decided when the action starts: the deal's
 * responsible manager; the head of their department (or of the nearest department above
 * that has one); a named user while active; for a role, the active person with it nearest
 * to the responsible manager (their own department first, then up the tree, the oldest
 * account first). Whenever nobody fits, the responsible manager (decision 0015).
 */
@Component
class Assignees {

	private final UserDirectory users;

	Assignees(UserDirectory users) {
		this.users = users;
	}

	long of(Assignee assignee, DealFacts deal) {
		long responsible = deal.responsibleId();
		return switch (assignee.kind()) {
			case RESPONSIBLE -> responsible;
			case HEAD -> users.headOf(responsible).orElse(responsible);
			case USER ->
				users.find(assignee.userId()).filter(UserSummary::active).map(UserSummary::id).orElse(responsible);
			case ROLE -> users.nearestWithRole(responsible, assignee.role()).orElse(responsible);
		};
	}

}
