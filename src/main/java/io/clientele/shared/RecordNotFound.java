package io.clientele.shared;

/**
 * The record does not exist, or the caller may not see it: both answer 404, so that
 * nobody learns of records outside their access scope.
 */
public class RecordNotFound extends RuntimeException {

	public RecordNotFound(String type, Object id) {
		super(type + " " + id + " not found");
	}

}
