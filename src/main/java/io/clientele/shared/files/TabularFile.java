package io.clientele.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens an uploaded table, whatever the user's spreadsheet saved: an XLSX workbook, or a
 * CSV file in any common encoding and delimiter. The format is told by the content, not
 * the name, except that a file named as a workbook must be one.
 */
public final class TabularFile {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private TabularFile() {
	}

	/**
	 * Opens a file, detecting its format, and for CSV its encoding and delimiter.
	 * @param file the uploaded file
	 * @param originalFileName the name the user's file had, for messages and for telling
	 * a workbook from text
	 * @return the reader, positioned after the header
	 * @throws UnreadableFile {@code files.unreadable.xls} for an Excel 97–2003 workbook
	 * (or a password-protected one), {@code files.unreadable.format} for anything else
	 * that is neither XLSX nor text
	 */
	public static TabularReader open(Path file, String originalFileName) {
		return open(file, originalFileName, CsvSettings.DETECT);
	}

	/**
	 * Opens a file, reading CSV in the encoding and with the delimiter the user chose.
	 * @param file the uploaded file
	 * @param originalFileName the name the user's file had
	 * @param csv the encoding and delimiter to use instead of detected ones
	 * @return the reader, positioned after the header
	 * @throws UnreadableFile as {@link #open(Path, String)}
	 */
	public static TabularReader open(Path file, String originalFileName, CsvSettings csv) {
		byte[] head = new byte[TextEncodings.SAMPLE_SIZE];
		int length = readHead(file, head);
		if (startsWith(head, length, ZIP)) {
			return XlsxReader.open(file, originalFileName);
		}
		if (startsWith(head, length, OLE2)) {
			throw new UnreadableFile("files.unreadable.xls", originalFileName);
		}
		if (namedAsWorkbook(originalFileName) || isBinary(head, length)) {
			throw new UnreadableFile("files.unreadable.format", originalFileName);
		}
		return CsvReader.open(file, originalFileName, csv, head, length);
	}

	private static int readHead(Path file, byte[] head) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(head, 0, head.length);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean namedAsWorkbook(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT).strip();
		return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
	}

	/** Text has no NUL bytes, unless it is UTF-16, which announces itself with a BOM. */
	private static boolean isBinary(byte[] head, int length) {
		if (TextEncodings.bomLength(head, length, StandardCharsets.UTF_16LE) > 0
				|| TextEncodings.bomLength(head, length, StandardCharsets.UTF_16BE) > 0) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] head, int length, byte[] prefix) {
		if (length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
