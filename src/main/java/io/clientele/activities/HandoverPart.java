package io.clientele.activities;

import io.clientele.identity.CurrentUser;

/**
 * One kind of work that handing over moves from a departing user to another: clients,
 * open deals, open tasks, open work items; planned interactions and process tasks as
 * their modules come. A module (or an adapter of it in this module, for the modules
 * activities depends on) declares a bean of this type; {@link Handover} shows every
 * part's count before, and moves them all in one transaction.
 */
public interface HandoverPart {

	/** Message key of what the part moves ({@code handover.part.tasks}). */
	String key();

	/** Where the part is listed among the others. */
	int order();

	/**
	 * How many records of the user the part would move.
	 * @param actor the administrator about to hand over
	 */
	long count(long fromUserId, CurrentUser actor);

	/**
	 * Moves them to the other user, each noting it in its history.
	 * @param actor the administrator handing over
	 * @return how many moved
	 */
	int move(long fromUserId, long toUserId, CurrentUser actor);

}
