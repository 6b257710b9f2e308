package io.clientele.shared.files;

import java.nio.charset.Charset;

import org.jspecify.annotations.Nullable;

/**
 * What the user chose when detection guessed wrong: the encoding and the delimiter of a
 * CSV file. {@code null} means "detect". Ignored for XLSX.
 *
 * @param charset the encoding, e.g. {@code windows-1251}, or null to detect
 * @param delimiter the field separator, e.g. {@code ';'}, or null to detect
 */
public record CsvSettings(@Nullable Charset charset, @Nullable Character delimiter) {

	/** Detect both. */
	public static final CsvSettings DETECT = new CsvSettings(null, null);

}
