package io.clientele.audit.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.clientele.audit.spi.ResponsibleUsers;
import io.clientele.identity.Deputies;
import io.clientele.shared.RecordChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whom the actor of a change acted for, so that the history reads "Deputy for Absent".
 * <p>
 * The rule: a change names the absent user when, on the day of the change (the
 * installation's day), its actor stands in for a user whose record it is
 * ({@link ResponsibleUsers}, as the change leaves it; the first such user in its order),
 * and the actor is not one of those users themselves (a deputy who is a deal's
 * co-executor or a task's author works on it in their own right). A change by the system,
 * a change to many records at once ({@link io.clientele.shared.RecordsChanged}: imports)
 * and a kind of record no module answers for name nobody. A deputy who gives the absent
 * user's record to someone else is not named as acting for them: the record is no longer
 * theirs when the change is written.
 * <p>
 * Most actors stand in for nobody: then the rule costs one index look-up in
 * {@code user_deputies} and asks no module about the record.
 */
@Component
class ActedFor {

	private final Deputies deputies;

	private final Map<String, ResponsibleUsers> byType = new HashMap<>();

	ActedFor(Deputies deputies, List<ResponsibleUsers> responsibleUsers) {
		this.deputies = deputies;
		for (ResponsibleUsers users : responsibleUsers) {
			users.recordTypes().forEach(type -> byType.put(type, users));
		}
	}

	@Nullable Long of(RecordChanged change) {
		Long actor = change.actorId();
		ResponsibleUsers responsible = byType.get(change.recordType());
		if (actor == null || responsible == null) {
			return null;
		}
		List<Long> absent = deputies.standingInFor(actor, change.at());
		if (absent.isEmpty()) {
			return null;
		}
		List<Long> people = responsible.of(change.recordType(), change.recordId());
		if (people.contains(actor)) {
			return null;
		}
		return people.stream().filter(absent::contains).findFirst().orElse(null);
	}

}
