package io.clientele.shared.files;

/**
 * The kinds of table file that are read and written.
 */
public enum TabularFormat {

	/** Comma- (or semicolon-, tab-, pipe-) separated text, RFC 4180 quoting. */
	CSV,

	/**
	 * An Office Open XML workbook (Excel 2007 and later); its first sheet is the table.
	 */
	XLSX

}
