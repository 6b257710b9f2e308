package io.clientele.shared.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV with Apache Commons CSV: UTF-8 with a byte order mark (without it Excel
 * reads UTF-8 as the ANSI code page), CRLF, quotes only where RFC 4180 needs them.
 */
final class CsvWriter implements TabularWriter {

	private static final byte[] UTF_8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final CSVPrinter printer;

	private final char decimalSeparator;

	CsvWriter(OutputStream out, char delimiter) {
		this.decimalSeparator = (delimiter == ',') ? '.' : ',';
		try {
			out.write(UTF_8_BOM);
			CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get();
			this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
					format);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void header(List<String> titles) {
		row(titles);
	}

	@Override
	public void row(List<? extends @Nullable Object> cells) {
		List<String> texts = new ArrayList<>(cells.size());
		for (Object cell : cells) {
			texts.add(text(cell));
		}
		try {
			printer.printRecord(texts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(@Nullable Object cell) {
		if (cell == null) {
			return "";
		}
		if (cell instanceof Number && isFinite((Number) cell)) {
			return number((Number) cell);
		}
		if (cell instanceof LocalDate) {
			return cell.toString();
		}
		if (cell instanceof LocalDateTime) {
			return ((LocalDateTime) cell).format(DATE_TIME);
		}
		if (cell instanceof Boolean) {
			return ((Boolean) cell) ? "TRUE" : "FALSE";
		}
		return Spreadsheets.neutralise(cell.toString());
	}

	private String number(Number number) {
		String plain;
		if (number instanceof BigDecimal) {
			plain = ((BigDecimal) number).toPlainString();
		}
		else if (number instanceof Double || number instanceof Float) {
			plain = new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
		}
		else if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
				|| number instanceof Short || number instanceof Byte) {
			plain = number.toString();
		}
		else {
			plain = new BigDecimal(number.toString()).toPlainString();
		}
		return plain.replace('.', decimalSeparator);
	}

	static boolean isFinite(Number number) {
		if (number instanceof Double || number instanceof Float) {
			return Double.isFinite(number.doubleValue());
		}
		return true;
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
