package io.clientele.shared.files;

import java.util.Arrays;

/**
 * A file that cannot be read as the table it claims to be: an Excel 97 workbook, a
 * picture, a damaged workbook, an unclosed quote. The message is a key in the message
 * bundles ({@code files.unreadable.*}), so the user reads it in their language; the
 * arguments are the file's original name and, where known, the row.
 */
public class UnreadableFile extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public UnreadableFile(String messageKey, Object[] arguments, Throwable cause) {
		super(messageKey + " " + Arrays.toString(arguments), cause);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public UnreadableFile(String messageKey, Object... arguments) {
		super(messageKey + " " + Arrays.toString(arguments));
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
