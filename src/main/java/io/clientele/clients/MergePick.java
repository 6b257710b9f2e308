package io.clientele.clients;

/**
 * Which record's value of a field the survivor of a merge keeps.
 */
public enum MergePick {

	/** The survivor's own. */
	SURVIVOR,

	/** The merged record's. */
	MERGED,

	/** Both lists joined, without repeats (phones, e-mails, addresses…). */
	BOTH

}
