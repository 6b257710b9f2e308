package io.clientele.shared.files;

import java.util.Locale;

import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What a list is exported as: {@code format=csv|xlsx|vcf}, and for CSV
 * {@code delimiter=comma|semicolon} (the comma unless told; Excel in Russian expects the
 * semicolon).
 */
public enum ExportFormat {

	CSV("csv", "text/csv;charset=UTF-8"),

	XLSX("xlsx", ExportFormat.XLSX_MEDIA_TYPE),

	/** vCard 4.0, for contact persons only. */
	VCARD("vcf", "text/vcard;charset=UTF-8");

	/** For annotations, which need a constant. */
	public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String extension;

	private final String mediaType;

	ExportFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	public String extension() {
		return extension;
	}

	public String mediaType() {
		return mediaType;
	}

	/**
	 * @param name {@code csv}, {@code xlsx} or {@code vcf}
	 * @param vcard whether the list can be written as vCards
	 * @throws RuleViolation {@code export.format-invalid} on {@code format} otherwise
	 */
	public static ExportFormat of(@Nullable String name, boolean vcard) {
		String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		for (ExportFormat format : values()) {
			if (format.extension.equals(wanted) && (vcard || format != VCARD)) {
				return format;
			}
		}
		throw new RuleViolation("format", "export.format-invalid");
	}

	/**
	 * @param name {@code comma} or {@code semicolon} (or the character itself); null for
	 * the comma
	 * @throws RuleViolation {@code export.delimiter-invalid} on {@code delimiter}
	 * otherwise
	 */
	public static char delimiter(@Nullable String name) {
		return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
			case "", "comma", "," -> ',';
			case "semicolon", ";" -> ';';
			default -> throw new RuleViolation("delimiter", "export.delimiter-invalid");
		};
	}

}
