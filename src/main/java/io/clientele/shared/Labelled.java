package io.clientele.shared;

/**
 * A value from a fixed list (an enum) that is stored by its name and shown by its message
 * key, in the reader's language.
 */
public interface Labelled {

	/** How it is stored; an enum constant's own name. */
	String name();

	String messageKey();

}
