package io.clientele.shared.files;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file with Apache Commons CSV in RFC 4180 mode: quoted fields may hold the
 * delimiter, doubled quotes and line breaks (kept as they are, LF or CRLF). Text after a
 * closing quote is kept rather than refused ({@code "Иванов" Иван}), an unclosed quote is
 * refused with its row.
 */
final class CsvReader implements TabularReader {

	private final String fileName;

	private final CountingInputStream bytes;

	private final long size;

	private final CSVParser parser;

	private final Iterator<CSVRecord> records;

	private final Detected detected;

	private final List<String> header;

	private long rowNumber;

	private boolean finished;

	private CsvReader(Path file, String fileName, Charset charset, char delimiter, int bomLength) throws IOException {
		this.fileName = fileName;
		this.size = Files.size(file);
		this.bytes = new CountingInputStream(Files.newInputStream(file));
		try {
			this.bytes.skipNBytes(bomLength);
			CSVFormat format = CSVFormat.RFC4180.builder()
				.setDelimiter(delimiter)
				.setIgnoreEmptyLines(false)
				.setTrailingData(true)
				.get();
			this.parser = format.parse(new InputStreamReader(this.bytes, charset));
			this.records = this.parser.iterator();
		}
		catch (IOException | RuntimeException ex) {
			this.bytes.close();
			throw ex;
		}
		this.detected = new Detected(TabularFormat.CSV, charset, delimiter);
		try {
			List<String> first = next();
			this.header = (first != null) ? first : List.of();
		}
		catch (RuntimeException ex) {
			this.parser.close();
			throw ex;
		}
	}

	static CsvReader open(Path file, String fileName, CsvSettings settings, byte[] head, int length) {
		boolean wholeFile = length < head.length;
		TextEncodings.Encoding encoding = TextEncodings.detect(head, length, wholeFile);
		Charset charset = (settings.charset() != null) ? settings.charset() : encoding.charset();
		int bomLength = TextEncodings.bomLength(head, length, charset);
		char delimiter = (settings.delimiter() != null) ? settings.delimiter()
				: Delimiters.detect(new String(head, bomLength, length - bomLength, charset), wholeFile);
		try {
			return new CsvReader(file, fileName, charset, delimiter, bomLength);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public List<String> header() {
		return header;
	}

	@Override
	public @Nullable List<String> next() {
		try {
			while (records.hasNext()) {
				CSVRecord record = records.next();
				rowNumber = record.getRecordNumber();
				List<String> values = record.toList();
				if (values.stream().anyMatch(value -> !value.isEmpty())) {
					return List.copyOf(values);
				}
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CSVException) {
				throw new UnreadableFile("files.unreadable.quotes", new Object[] { fileName, rowNumber + 1 }, ex);
			}
			throw ex;
		}
		finished = true;
		return null;
	}

	@Override
	public long rowNumber() {
		return rowNumber;
	}

	@Override
	public double progress() {
		if (finished || size == 0) {
			return 1.0;
		}
		return Math.min(1.0, (double) bytes.count() / size);
	}

	@Override
	public Detected detected() {
		return detected;
	}

	@Override
	public void close() {
		try {
			parser.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
