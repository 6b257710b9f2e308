package io.clientele.activities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.clientele.identity.CurrentUser;
import io.clientele.identity.Role;
import io.clientele.identity.UserDirectory;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RecordNotFound;
import io.clientele.shared.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing over: an administrator moves all open work of a departing user (every
 * {@link HandoverPart}: clients, open deals, open tasks and work items, and what other
 * modules add) to another user in one action, after a preview of the counts. Either all
 * of it moves or nothing does.
 */
@Service
public class Handover {

	private final List<HandoverPart> parts;

	private final UserDirectory users;

	Handover(List<HandoverPart> parts, UserDirectory users) {
		this.parts = parts.stream().sorted(Comparator.comparingInt(HandoverPart::order)).toList();
		this.users = users;
	}

	/** How many records of each kind would move from the user. */
	@Transactional(readOnly = true)
	public List<HandoverCount> preview(long fromUserId, CurrentUser actor) {
		mayHandOver(actor);
		user(fromUserId);
		List<HandoverCount> counts = new ArrayList<>();
		for (HandoverPart part : parts) {
			counts.add(new HandoverCount(part.key(), part.count(fromUserId, actor)));
		}
		return counts;
	}

	/**
	 * Moves everything from one user to the other, who must be active.
	 * @return how many records of each kind moved
	 */
	@Transactional
	public List<HandoverCount> handOver(long fromUserId, long toUserId, CurrentUser actor) {
		mayHandOver(actor);
		user(fromUserId);
		if (toUserId == fromUserId || users.find(toUserId).filter(UserSummary::active).isEmpty()) {
			throw new RuleViolation("to", "handover.to-invalid");
		}
		List<HandoverCount> moved = new ArrayList<>();
		for (HandoverPart part : parts) {
			moved.add(new HandoverCount(part.key(), part.move(fromUserId, toUserId, actor)));
		}
		return moved;
	}

	private UserSummary user(long id) {
		return users.find(id).orElseThrow(() -> new RecordNotFound("User", id));
	}

	private static void mayHandOver(CurrentUser actor) {
		if (!actor.is(Role.ADMINISTRATOR)) {
			throw new AccessDeniedException("Only administrators hand work over");
		}
	}

}
