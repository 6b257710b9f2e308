package io.clientele.processes.internal;

import java.util.function.Supplier;

import io.clientele.shared.RuleViolation;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.impl.identity.Authentication;
import org.jspecify.annotations.Nullable;

/**
 * Calls into the engine on behalf of a user: the engine's history names them (who
 * started, who completed), and Clientele's hooks inside the engine record them as who
 * moved the deal. A rule of the deal refused inside the engine (a stage, a loss reason)
 * comes out as that refusal, not as the engine's wrapper of it; a step someone else took
 * a moment earlier (the engine's optimistic lock, or the task gone) as a refusal that
 * says so.
 */
public final class EngineCalls {

	private EngineCalls() {
	}

	public static <T> T as(@Nullable Long userId, Supplier<T> work) {
		String before = Authentication.getAuthenticatedUserId();
		Authentication.setAuthenticatedUserId(userId == null ? null : String.valueOf(userId));
		try {
			return work.get();
		}
		catch (FlowableOptimisticLockingException | FlowableObjectNotFoundException lost) {
			// another node or person did the same step a moment earlier
			throw new RuleViolation(null, "process.step.done-meanwhile");
		}
		catch (FlowableException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof RuleViolation violation) {
					throw violation;
				}
			}
			throw ex;
		}
		finally {
			Authentication.setAuthenticatedUserId(before);
		}
	}

}
