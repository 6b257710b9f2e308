package io.clientele.shared.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a one-sheet workbook with fastexcel, flushing rows to the stream as it goes.
 * Text goes in as inline strings, so the writer keeps no table of every distinct text.
 */
final class XlsxWriter implements TabularWriter {

	private static final int ROWS_PER_FLUSH = 1000;

	private static final String DATE_FORMAT = "yyyy-mm-dd";

	private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

	private final Workbook workbook;

	private final Worksheet sheet;

	private int row;

	XlsxWriter(OutputStream out, String sheetName) {
		this.workbook = new Workbook(out, "Clientele", "1.0");
		this.sheet = this.workbook.newWorksheet(sheetName);
	}

	@Override
	public void header(List<String> titles) {
		sheet.freezePane(0, 1);
		for (int column = 0; column < titles.size(); column++) {
			String title = titles.get(column);
			sheet.inlineString(row, column, Spreadsheets.neutralise(title));
			sheet.width(column, Math.min(60, Math.max(10, title.length() + 4)));
		}
		if (!titles.isEmpty()) {
			sheet.range(row, 0, row, titles.size() - 1).style().bold().set();
		}
		row++;
	}

	@Override
	public void row(List<? extends @Nullable Object> cells) {
		for (int column = 0; column < cells.size(); column++) {
			cell(column, cells.get(column));
		}
		row++;
		if (row % ROWS_PER_FLUSH == 0) {
			try {
				sheet.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void cell(int column, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Number && CsvWriter.isFinite((Number) value)) {
			sheet.value(row, column, (Number) value);
		}
		else if (value instanceof LocalDate) {
			sheet.value(row, column, (LocalDate) value);
			sheet.style(row, column).format(DATE_FORMAT).set();
		}
		else if (value instanceof LocalDateTime) {
			sheet.value(row, column, (LocalDateTime) value);
			sheet.style(row, column).format(DATE_TIME_FORMAT).set();
		}
		else if (value instanceof Boolean) {
			sheet.value(row, column, (Boolean) value);
		}
		else {
			sheet.inlineString(row, column, Spreadsheets.neutralise(value.toString()));
		}
	}

	@Override
	public void close() {
		try {
			sheet.close();
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
