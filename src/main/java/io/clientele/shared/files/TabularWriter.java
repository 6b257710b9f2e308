package io.clientele.shared.files;

import java.io.OutputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table written row by row straight to a stream, so that an export of a million rows
 * never sits in memory. Cells may be text, numbers, dates ({@link java.time.LocalDate},
 * {@link java.time.LocalDateTime}), booleans or null (empty); anything else is written as
 * its text. Text is {@linkplain Spreadsheets#neutralise(String) neutralised} against
 * formula injection.
 */
public interface TabularWriter extends AutoCloseable {

	/**
	 * CSV as Russian Excel opens it with a double click: UTF-8 with a byte order mark,
	 * {@code ;} between fields, a decimal comma, CRLF line ends, RFC 4180 quoting.
	 * @param out the stream to write to; {@link #close()} closes it
	 * @return the writer
	 */
	static TabularWriter csv(OutputStream out) {
		return new CsvWriter(out, ';');
	}

	/**
	 * CSV with the given delimiter: with {@code ,} numbers get a decimal point, with any
	 * other a decimal comma; otherwise as {@link #csv(OutputStream)}.
	 * @param out the stream to write to; {@link #close()} closes it
	 * @param delimiter the field separator
	 * @return the writer
	 */
	static TabularWriter csv(OutputStream out, char delimiter) {
		return new CsvWriter(out, delimiter);
	}

	/**
	 * An XLSX workbook of one sheet: numbers and dates as such, a bold frozen header.
	 * @param out the stream to write to; {@link #close()} closes it
	 * @param sheetName the sheet's name (at most 31 characters, none of {@code []:*?/\})
	 * @return the writer
	 */
	static TabularWriter xlsx(OutputStream out, String sheetName) {
		return new XlsxWriter(out, sheetName);
	}

	/**
	 * Writes the header row; call once, before any other row.
	 * @param titles the column titles
	 */
	void header(List<String> titles);

	/**
	 * Writes a row.
	 * @param cells the cells, null for empty
	 */
	void row(List<? extends @Nullable Object> cells);

	/**
	 * Finishes the file and closes the stream.
	 */
	@Override
	void close();

}
