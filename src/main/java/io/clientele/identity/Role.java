package io.clientele.identity;

/**
 * What a user does in the company; it decides which pages they reach and, through
 * {@link AccessScope}, which records they see. A user has one role.
 */
public enum Role {

	/** Users, departments, settings; sees every record. */
	ADMINISTRATOR,

	/** Heads one department and sees the records of its whole subtree. */
	HEAD_OF_DEPARTMENT,

	/** Works their own clients and deals. */
	SALES_MANAGER,

	/** Segments, campaigns, mailings. */
	MARKETER,

	/** Complaints and service requests. */
	SUPPORT;

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name();
	}

}
