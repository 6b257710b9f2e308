package io.clientele.shared.live;

/**
 * What one browser tab receives over its live stream: an SSE event of this name with this
 * data (small JSON of ids; the page fetches what it shows through its access-checked
 * pages).
 */
public record LiveEvent(String name, String data) {

	/**
	 * Sent to every stream when the node may have missed notifications (its listening
	 * connection to the database was lost and is back): pages refresh what they show.
	 */
	public static final LiveEvent RESYNC = new LiveEvent("resync", "{}");

}
