package io.clientele.shared.files;

/**
 * Rules for text that a spreadsheet will open.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/**
	 * Text that a spreadsheet could take for a formula ({@code =HYPERLINK(…)},
	 * {@code +7 495…}, {@code -2+3}, {@code @SUM(…)}, or any of these after a tab or a
	 * carriage return) gets a leading apostrophe, so that opening an export never runs
	 * what a client typed into their card (OWASP "CSV injection"). Numbers written as
	 * numbers are not text and are never touched.
	 * @param text a cell's text
	 * @return the text, prefixed with {@code '} if it starts with {@code = + - @}, a tab
	 * or a carriage return
	 */
	public static String neutralise(String text) {
		if (text.isEmpty()) {
			return text;
		}
		switch (text.charAt(0)) {
			case '=':
			case '+':
			case '-':
			case '@':
			case '\t':
			case '\r':
				return "'" + text;
			default:
				return text;
		}
	}

}
