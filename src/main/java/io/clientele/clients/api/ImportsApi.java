package io.clientele.clients.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.clients.DuplicatePolicy;
import io.clientele.clients.ImportIssue;
import io.clientele.clients.ImportKind;
import io.clientele.clients.ImportState;
import io.clientele.clients.ImportStatus;
import io.clientele.clients.Imports;
import io.clientele.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports through the API: upload a file with its column mapping and it runs in the
 * background; poll its state, read the refused rows, revert it.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportsApi {

	private final Imports imports;

	ImportsApi(Imports imports) {
		this.imports = imports;
	}

	record ImportJson(long id, ImportKind kind, String fileName, String format, @Nullable String encoding,
			@Nullable String delimiter, List<String> header, Map<Integer, String> mapping, DuplicatePolicy duplicates,
			ImportState state, double progress, long rowsRead, long created, long updated, long skipped, long refused,
			@Nullable String error, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
			boolean revertible) {

		static ImportJson of(ImportStatus status) {
			return new ImportJson(status.id(), status.kind(), status.fileName(), status.format(), status.encoding(),
					status.delimiter(), status.header(), status.mapping(), status.duplicates(), status.state(),
					status.progress(), status.rowsRead(), status.created(), status.updated(), status.skipped(),
					status.refused(), status.error(), status.createdAt(), status.startedAt(), status.finishedAt(),
					status.revertible());
		}

	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file and start importing it",
			description = "CSV (any delimiter; UTF-8 or Windows-1251), XLSX, or vCard for contact persons. The columns"
					+ " are mapped by `mapping` (column titles or 0-based numbers to field keys, as JSON), or else as"
					+ " suggested from their titles. Answers 202 with the import; poll it until it is DONE or FAILED.")
	ResponseEntity<ImportJson> start(@RequestParam ImportKind kind, @RequestParam MultipartFile file,
			@Parameter(description = "JSON object: column title or number → field key, e.g."
					+ " {\"Название\": \"name\", \"3\": \"phone\"}") @RequestParam(
							required = false) @Nullable String mapping,
			@RequestParam(defaultValue = "SKIP") DuplicatePolicy duplicates,
			@RequestParam(required = false) @Nullable Long defaultClientId,
			@RequestParam(required = false) @Nullable String encoding,
			@RequestParam(required = false) @Nullable Character delimiter, @AuthenticationPrincipal CurrentUser user)
			throws IOException {
		long id;
		try (InputStream content = file.getInputStream()) {
			id = imports.upload(kind, file.getOriginalFilename(), content, encoding, delimiter, user);
		}
		Imports.Setup setup = imports.setup(id, user);
		Map<Integer, String> columns = mapping == null || mapping.isBlank() ? setup.mapping()
				: columns(mapping, setup.status().header());
		imports.configure(id, setup.status().version(), columns, duplicates, defaultClientId, user);
		imports.start(id, user);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + id))
			.body(ImportJson.of(imports.status(id, user)));
	}

	private static Map<Integer, String> columns(String mapping, List<String> header) {
		Map<Integer, String> columns = new LinkedHashMap<>();
		Map<String, Object> given = tools.jackson.databind.json.JsonMapper.shared()
			.readValue(mapping, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		given.forEach((column, field) -> {
			int index = header.indexOf(column);
			if (index < 0 && column.chars().allMatch(Character::isDigit)) {
				index = Integer.parseInt(column);
			}
			if (index < 0) {
				throw new io.clientele.shared.RuleViolation("mapping", "import.mapping.no-column", column);
			}
			columns.put(index, String.valueOf(field));
		});
		return columns;
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's state and counts")
	ImportJson get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return ImportJson.of(imports.status(id, user));
	}

	@GetMapping("/{id}/issues")
	@Operation(summary = "The rows an import refused or skipped, and notes, by row number",
			description = "Pages by row number: pass the last row number seen as `after`.")
	List<ImportIssue> issues(@PathVariable long id, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal CurrentUser user) {
		return imports.issues(id, after, Math.max(1, Math.min(limit, 1000)), user);
	}

	@PostMapping("/{id}/revert")
	@Operation(summary = "Revert a finished import (within 30 days), in the background")
	ResponseEntity<ImportJson> revert(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		imports.revert(id, user);
		return ResponseEntity.accepted().body(ImportJson.of(imports.status(id, user)));
	}

}
