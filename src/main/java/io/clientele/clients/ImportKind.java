package io.clientele.clients;

import io.clientele.shared.Labelled;

/**
 * What an import makes of a file's rows.
 */
public enum ImportKind implements Labelled {

	CLIENT("client"), CONTACT("contact"), LEAD("lead");

	private final String recordType;

	ImportKind(String recordType) {
		this.recordType = recordType;
	}

	/** The record type of its history and of the custom fields' entity. */
	public String recordType() {
		return recordType;
	}

	/** The entity custom fields are defined for. */
	public String customEntity() {
		return name();
	}

	@Override
	public String messageKey() {
		return "import.kind." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
