package io.clientele.activities;

import java.time.Duration;

import io.clientele.shared.Labelled;

/**
 * What an interaction with a client is: one kind of record for all of them, so that a
 * call and a meeting are never two overlapping things.
 */
public enum InteractionKind implements Labelled {

	CALL("phone"), EMAIL("mail"), SMS("message"), MEETING("users"), VISIT("map-pin"), NOTE("note"),
	MESSENGER("brand-telegram");

	private final String icon;

	InteractionKind(String icon) {
		this.icon = icon;
	}

	@Override
	public String messageKey() {
		return "interaction.kind." + name();
	}

	/** The Tabler icon of the kind, without the {@code ti-} prefix. */
	public String icon() {
		return icon;
	}

	/** Whether it has a place (a meeting, a visit). */
	public boolean hasPlace() {
		return this == MEETING || this == VISIT;
	}

	/**
	 * How long a planned one takes when nobody said: meetings and visits an hour, the
	 * rest half an hour. (Only meetings and visits are given a length.)
	 */
	public Duration usualLength() {
		return hasPlace() ? Duration.ofHours(1) : Duration.ofMinutes(30);
	}

}
