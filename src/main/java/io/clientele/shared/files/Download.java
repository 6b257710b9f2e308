package io.clientele.shared.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The file a list or card is downloaded as: its type, and a name safe on every file
 * system that browsers keep in Cyrillic (RFC 6266 with the RFC 8187 {@code filename*}).
 *
 * @param name the file's name as the user reads it
 * @param fallback the name in plain ASCII, for clients that do not read {@code filename*}
 * @param sheetName the worksheet's name in a workbook
 * @param delimiter the field separator of CSV
 */
public record Download(String name, String fallback, String sheetName, ExportFormat format, char delimiter) {

	/** Names Windows keeps for devices, with or without an extension. */
	private static final java.util.regex.Pattern WINDOWS_DEVICES = java.util.regex.Pattern
		.compile("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?");

	private static final String HEX = "0123456789ABCDEF";

	private static final String ATTRIBUTE_CHARACTERS = "!#$&+-.^_`|~";

	/**
	 * A list's file, named after it and today: {@code Клиенты-2026-11-24.csv}.
	 * @param title what the user calls the list
	 * @param ascii the list's name in plain ASCII
	 */
	public static Download dated(String title, String ascii, ExportFormat format, char delimiter, Clock clock) {
		String suffix = "-" + LocalDate.now(clock) + "." + format.extension();
		return new Download(safe(title, ascii) + suffix, ascii + suffix, sheet(title, ascii), format, delimiter);
	}

	/** A record's file, named after it: {@code Иванов Иван.vcf}. */
	public static Download named(String title, String ascii, ExportFormat format) {
		String suffix = "." + format.extension();
		return new Download(safe(title, ascii) + suffix, ascii + suffix, sheet(title, ascii), format, ',');
	}

	/**
	 * The {@code Content-Disposition} of a stored file: made safe by {@link #safe}, with
	 * an ASCII fallback in which every other character is an underscore.
	 */
	public static String attachment(String name) {
		String safe = safe(name, "file");
		String ascii = safe.replaceAll("[^\\x20-\\x7E]", "_").replace('%', '_');
		return attachment(ascii, safe);
	}

	/**
	 * Sends a stored file (an attachment a user uploaded) always as a download, never to
	 * be shown inline (so an HTML or SVG file cannot run in the application's origin),
	 * under its stored type and a safe name, and closes {@code content}.
	 */
	public static void send(String fileName, String contentType, long size, java.io.InputStream content,
			HttpServletResponse response) throws IOException {
		response.setContentType(contentType);
		response.setContentLengthLong(size);
		response.setHeader("Content-Disposition", attachment(fileName));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "private, no-store");
		try (content; OutputStream out = response.getOutputStream()) {
			content.transferTo(out);
		}
	}

	/** Sets the headers and opens the body. */
	public OutputStream start(HttpServletResponse response) {
		response.setContentType(format.mediaType());
		response.setHeader("Content-Disposition", attachment(fallback, name));
		try {
			return response.getOutputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code attachment; filename="clients-2026-11-24.csv";
	 * filename*=UTF-8''%D0%9A%D0%BB…}
	 * @param ascii the name for clients that know only {@code filename}; plain ASCII
	 * without quotes
	 * @param name the name as the user reads it
	 */
	public static String attachment(String ascii, String name) {
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded(name);
	}

	/**
	 * The title without what Windows, macOS or Linux refuse in a file name (and without
	 * control characters), at most 100 characters; the fallback if nothing is left.
	 */
	public static String safe(String title, String fallback) {
		// Invisible format characters go too: a right-to-left override makes
		// "photo\u202Egpj.exe" read as "photoexe.jpg".
		String name = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]", " ").replaceAll("\\s+", " ").strip();
		name = name.replaceAll("^\\.+", "").replaceAll("[. ]+$", "");
		if (WINDOWS_DEVICES.matcher(name).matches()) {
			name = "_" + name;
		}
		return name.isEmpty() ? fallback : cut(name, 100);
	}

	/** At most 31 characters, none of {@code []:*?/\}, as Excel requires of a sheet. */
	private static String sheet(String title, String fallback) {
		String name = title.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ").strip();
		name = name.replaceAll("^'+|'+$", "");
		return name.isEmpty() ? fallback : cut(name, 31);
	}

	/** The first characters, never half of one written as two chars (an emoji). */
	private static String cut(String text, int length) {
		int points = text.codePointCount(0, text.length());
		return points <= length ? text : text.substring(0, text.offsetByCodePoints(0, length)).strip();
	}

	/** RFC 8187: UTF-8 bytes, percent-encoded except letters, digits and a few marks. */
	private static String encoded(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ATTRIBUTE_CHARACTERS.indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
			}
		}
		return out.toString();
	}

}
