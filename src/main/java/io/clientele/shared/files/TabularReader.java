package io.clientele.shared.files;

import java.nio.charset.Charset;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table read row by row from a file, so that a million rows never sit in memory at
 * once. The first row is the header; rows that are entirely empty are skipped, but still
 * counted in {@link #rowNumber()}, so that "row 17" is the row a spreadsheet shows as 17.
 * Opened by {@link TabularFile#open(java.nio.file.Path, String)}.
 */
public interface TabularReader extends AutoCloseable {

	/**
	 * The first row, as read.
	 * @return the column titles; empty for an empty file
	 */
	List<String> header();

	/**
	 * The next data row. CSV rows are as read (a short row stays short); XLSX rows are
	 * padded with empty strings to the header's width, because a sheet does not store
	 * trailing empty cells.
	 * @return the cells as text, or null after the last row
	 * @throws UnreadableFile if the rest of the file cannot be read (an unclosed quote, a
	 * damaged sheet)
	 */
	@Nullable List<String> next();

	/**
	 * The 1-based number of the row last returned, the header being row 1 (unless blank
	 * rows precede it). For CSV a row is a record, however many lines its quoted fields
	 * span, as a spreadsheet would show it.
	 * @return the row number; 0 for an empty file
	 */
	long rowNumber();

	/**
	 * How much of the file has been read, for a progress bar: 1.0 once {@link #next()}
	 * has returned null.
	 * @return a fraction from 0 to 1 that never decreases
	 */
	double progress();

	/**
	 * What was detected or chosen to read the file.
	 * @return the format, and for CSV the encoding and delimiter
	 */
	Detected detected();

	@Override
	void close();

	/**
	 * How the file is being read.
	 *
	 * @param format CSV or XLSX
	 * @param charset the encoding of a CSV file; null for XLSX
	 * @param delimiter the field separator of a CSV file; null for XLSX
	 */
	record Detected(TabularFormat format, @Nullable Charset charset, @Nullable Character delimiter) {

	}

}
