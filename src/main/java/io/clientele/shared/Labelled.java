package io.clientele.shared;

/**
 * A value from a fixed list that is shown by its message key, in the reader's language.
 */
public interface Labelled {

	String messageKey();

}
