package io.clientele.clients.internal;

/**
 * The two kinds of record a scan for duplicates looks through, and their tables.
 */
public enum ScanKind {

	CLIENT("client", "clients"), CONTACT("contact", "contacts");

	/**
	 * The most records in a group, and the most that may share a key (an INN, a phone, a
	 * name, a word of names) for it to be a sign of duplicates: a value shared by more (a
	 * holding's switchboard, a placeholder address, a very common name) is left out.
	 */
	public static final int MAX_GROUP = 20;

	/** How similar two names must be for the scan (trigram similarity of name keys). */
	public static final double NAME_THRESHOLD = 0.6;

	private final String type;

	private final String table;

	ScanKind(String type, String table) {
		this.type = type;
		this.table = table;
	}

	/** The record type as history and duplicates name it. */
	public String type() {
		return type;
	}

	String table() {
		return table;
	}

}
