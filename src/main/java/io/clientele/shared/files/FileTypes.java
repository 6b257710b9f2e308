package io.clientele.shared.files;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.clientele.shared.RuleViolation;

/**
 * What an uploaded file is, told by its first bytes, never by its name or the browser's
 * word: documents, spreadsheets, images, archives and text are accepted; programs
 * (Windows, Linux and macOS executables, Java archives and classes, Android packages,
 * scripts) and anything unknown are refused.
 *
 * <p>
 * A small allowlist of signatures rather than a detection library: the list is what a
 * CRM's users attach, and a file that matches none of it is refused, not guessed at. The
 * name only tells apart formats that share a container (Word, Excel and PowerPoint in ZIP
 * or OLE2).
 */
public final class FileTypes {

	public static final String TEXT = "text/plain;charset=UTF-8";

	private FileTypes() {
	}

	/**
	 * @param head the file's first bytes (the whole file for a ZIP, whose entry names are
	 * looked through)
	 * @param name the name it was uploaded under
	 * @return the media type to store and serve it as
	 * @throws RuleViolation {@code attachment.executable} for a program,
	 * {@code attachment.type-refused} for anything not on the list
	 */
	public static String sniff(byte[] head, String name) {
		String extension = extension(name);
		if (starts(head, "MZ") || starts(head, 0x7F, 'E', 'L', 'F') || starts(head, 0xFE, 0xED, 0xFA, 0xCE)
				|| starts(head, 0xFE, 0xED, 0xFA, 0xCF) || starts(head, 0xCE, 0xFA, 0xED, 0xFE)
				|| starts(head, 0xCF, 0xFA, 0xED, 0xFE) || starts(head, 0xCA, 0xFE, 0xBA, 0xBE) || starts(head, "#!")
				|| starts(head, "dex\n")) {
			throw new RuleViolation("file", "attachment.executable");
		}
		if (starts(head, "%PDF-")) {
			return "application/pdf";
		}
		if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (starts(head, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(head, "GIF87a") || starts(head, "GIF89a")) {
			return "image/gif";
		}
		if (starts(head, "RIFF") && head.length >= 12
				&& new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return "image/webp";
		}
		if (starts(head, "{\\rtf")) {
			return "application/rtf";
		}
		if (starts(head, 'P', 'K', 3, 4)) {
			return zip(head, extension);
		}
		if (starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			return switch (extension) {
				case "doc" -> "application/msword";
				case "xls" -> "application/vnd.ms-excel";
				case "ppt" -> "application/vnd.ms-powerpoint";
				default -> throw new RuleViolation("file", "attachment.type-refused");
			};
		}
		if (text(head)) {
			return "csv".equals(extension) ? "text/csv;charset=UTF-8" : TEXT;
		}
		throw new RuleViolation("file", "attachment.type-refused");
	}

	/** Office documents and plain archives; Java and Android archives are programs. */
	private static String zip(byte[] content, String extension) {
		String names = new String(content, StandardCharsets.ISO_8859_1);
		if (names.contains("META-INF/MANIFEST.MF") || names.contains("classes.dex")
				|| names.contains("AndroidManifest.xml")) {
			throw new RuleViolation("file", "attachment.executable");
		}
		if (names.startsWith("mimetypeapplication/vnd.oasis.opendocument.", 30)) {
			int end = names.indexOf("PK", 30);
			return names.substring(38, end < 0 ? Math.min(names.length(), 38 + 80) : end).strip();
		}
		return switch (extension) {
			case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
			case "xlsx" -> ExportFormat.XLSX_MEDIA_TYPE;
			case "pptx" -> "application/vnd.openxmlformats-officedocument.presentationml.presentation";
			default -> "application/zip";
		};
	}

	/**
	 * Text in any encoding (UTF-8, windows-1251): no control bytes other than layout. It
	 * is served as plain text and as a download, so HTML in it never runs.
	 */
	private static boolean text(byte[] head) {
		if (head.length == 0) {
			return false;
		}
		for (byte b : head) {
			int c = b & 0xFF;
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
				return false;
			}
		}
		return true;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
	}

	private static boolean starts(byte[] head, String signature) {
		return starts(head, signature.chars().toArray());
	}

	private static boolean starts(byte[] head, int... signature) {
		if (head.length < signature.length) {
			return false;
		}
		for (int i = 0; i < signature.length; i++) {
			if ((head[i] & 0xFF) != signature[i]) {
				return false;
			}
		}
		return true;
	}

}
