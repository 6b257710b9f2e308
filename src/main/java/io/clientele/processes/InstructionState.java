package io.clientele.processes;

/**
 * Where an instruction stands in its cycle: given (the executor is to accept it),
 * accepted (being done), reported (the author is to check the report), returned (to be
 * done again, with the author's comment), done (the author accepted the result).
 */
public enum InstructionState {

	GIVEN, ACCEPTED, REPORTED, RETURNED, DONE;

	public String messageKey() {
		return "instruction.state." + name();
	}

}
