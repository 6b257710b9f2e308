package io.clientele.activities;

/**
 * How many records of one kind a handover moves (in the preview) or moved.
 *
 * @param key message key of the kind ({@link HandoverPart#key()})
 */
public record HandoverCount(String key, long count) implements java.io.Serializable {
}
