package io.clientele.shared.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the first sheet of a workbook with fastexcel's streaming reader: one row of XML
 * at a time, the file itself opened as a zip, never loaded. (The shared strings table is
 * kept in memory as far as it has been read; it holds each distinct text once.)
 */
final class XlsxReader implements TabularReader {

	private static final Detected DETECTED = new Detected(TabularFormat.XLSX, null, null);

	private final String fileName;

	private final ReadableWorkbook workbook;

	private final Stream<Row> stream;

	private final Iterator<Row> rows;

	private final long totalRows;

	private final List<String> header;

	private long rowNumber;

	private long rowsSeen;

	private boolean finished;

	private XlsxReader(String fileName, ReadableWorkbook workbook, Stream<Row> stream, long totalRows) {
		this.fileName = fileName;
		this.workbook = workbook;
		this.stream = stream;
		this.rows = stream.iterator();
		this.totalRows = totalRows;
		List<String> first = next();
		this.header = (first != null) ? first : List.of();
	}

	static XlsxReader open(Path file, String fileName) {
		ReadableWorkbook workbook = null;
		try {
			workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, true));
			Sheet sheet = workbook.getFirstSheet();
			long totalRows = SheetRows.count(file, sheet.getId());
			return new XlsxReader(fileName, workbook, sheet.openStream(), totalRows);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(workbook, ex);
			if (ex instanceof UnreadableFile) {
				throw (UnreadableFile) ex;
			}
			throw new UnreadableFile("files.unreadable.format", new Object[] { fileName }, ex);
		}
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public @Nullable List<String> next() {
		try {
			while (rows.hasNext()) {
				Row row = rows.next();
				rowsSeen++;
				rowNumber = Math.max(rowNumber + 1, row.getRowNum());
				List<String> values = texts(row);
				if (values.stream().anyMatch(value -> !value.isEmpty())) {
					return values;
				}
			}
		}
		catch (RuntimeException ex) {
			// a damaged sheet comes as ExcelReaderException, or as whatever parsing a
			// bad value threw
			throw new UnreadableFile("files.unreadable.damaged", new Object[] { fileName, rowNumber + 1 }, ex);
		}
		finished = true;
		return null;
	}

	private List<String> texts(Row row) {
		int width = Math.max(row.getCellCount(), (header != null) ? header.size() : 0);
		List<String> values = new ArrayList<>(width);
		for (int column = 0; column < width; column++) {
			values.add((column < row.getCellCount()) ? CellText.of(row.getCell(column)) : "");
		}
		return List.copyOf(values);
	}

	@Override
	public long rowNumber() {
		return rowNumber;
	}

	@Override
	public double progress() {
		if (finished) {
			return 1.0;
		}
		return (totalRows > 0) ? Math.min(1.0, (double) rowsSeen / totalRows) : 0.0;
	}

	@Override
	public Detected detected() {
		return DETECTED;
	}

	@Override
	public void close() {
		try (workbook) {
			stream.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void closeQuietly(@Nullable ReadableWorkbook workbook, Exception cause) {
		if (workbook != null) {
			try {
				workbook.close();
			}
			catch (IOException ex) {
				cause.addSuppressed(ex);
			}
		}
	}

}
