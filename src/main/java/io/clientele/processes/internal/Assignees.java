package io.clientele.processes.internal;

import java.util.Optional;

import io.clientele.deals.DealFacts;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.processes.internal.ActionAttributes.Assignee;
import io.clientele.processes.internal.ActionAttributes.AssigneeKind;
import org.flowable.common.engine.api.variable.VariableContainer;
import org.springframework.stereotype.Component;

/**
 * Who does an action, decided when it starts. Of a deal's process: the deal's responsible
 * manager; the head of their department (or of the nearest department above that has
 * one); a named user while active; for a role, the active person with it nearest to the
 * responsible manager (their own department first, then up the tree, the oldest account
 * first). Whenever nobody fits, the responsible manager (decision 0015). The author and
 * the executor are the active users the process's variables name (an instruction's,
 * decision 0016); in a process that is no deal's, only those and named users can be
 * found, and an action nobody fits is left without a person.
 */
@Component
class Assignees {

	private final UserDirectory users;

	Assignees(UserDirectory users) {
		this.users = users;
	}

	long of(Assignee assignee, DealFacts deal, VariableContainer variables) {
		long responsible = deal.responsibleId();
		return switch (assignee.kind()) {
			case RESPONSIBLE -> responsible;
			case HEAD -> users.headOf(responsible).orElse(responsible);
			case USER -> active(assignee.userId()).orElse(responsible);
			case ROLE -> users.nearestWithRole(responsible, assignee.role()).orElse(responsible);
			case AUTHOR, EXECUTOR -> ofVariables(assignee, variables).orElse(responsible);
		};
	}

	/** The person of an action of a process that is no deal's, if one fits. */
	Optional<Long> of(Assignee assignee, VariableContainer variables) {
		return switch (assignee.kind()) {
			case USER -> active(assignee.userId());
			case AUTHOR, EXECUTOR -> ofVariables(assignee, variables);
			default -> Optional.empty();
		};
	}

	private Optional<Long> ofVariables(Assignee assignee, VariableContainer variables) {
		Object id = variables.getVariable(assignee.kind() == AssigneeKind.AUTHOR ? ActionAttributes.AUTHOR_VARIABLE
				: ActionAttributes.EXECUTOR_VARIABLE);
		return id instanceof Number number ? active(number.longValue()) : Optional.empty();
	}

	private Optional<Long> active(Long userId) {
		return userId == null ? Optional.empty() : users.find(userId).filter(UserSummary::active).map(UserSummary::id);
	}

}
