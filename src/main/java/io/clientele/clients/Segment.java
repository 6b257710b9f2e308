package io.clientele.clients;

/**
 * A value of a segment type (region "North-West", industry "Retail"); a client holds
 * several.
 */
public record Segment(long id, long typeId, String typeName, String name, boolean active) {

	public String label() {
		return typeName + ": " + name;
	}

}
