package io.clientele.clients.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.clientele.clients.DuplicatePolicy;
import io.clientele.clients.ImportField;
import io.clientele.clients.ImportIssue;
import io.clientele.clients.ImportIssue.Outcome;
import io.clientele.clients.internal.RecordImporter.Match;
import io.clientele.clients.internal.RecordImporter.Row;
import io.clientele.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * What becomes of each checked row of a batch under the duplicate policy: created,
 * brought into the record it duplicates, or skipped with the reason.
 */
final class ImportDecisions {

	final List<Row> create = new ArrayList<>();

	final List<Row> update = new ArrayList<>();

	/** Skipped and refused rows with their reasons, by row number. */
	final Map<Long, Skip> skipped = new HashMap<>();

	record Skip(Outcome outcome, @Nullable String fieldKey, String reason, List<String> args,
			@Nullable String recordType, @Nullable Long recordId) {
	}

	/**
	 * @param ownerNames names of the users owning matches the author may not see
	 */
	static ImportDecisions of(List<Row> rows, DuplicatePolicy policy, String recordType, Map<Long, String> ownerNames) {
		ImportDecisions decisions = new ImportDecisions();
		Map<String, Long> earlier = new HashMap<>();
		Set<Long> updated = new HashSet<>();
		for (Row row : rows) {
			if (row.refusal != null) {
				decisions.skipped.put(row.number, refusal(row.refusal));
				continue;
			}
			Long repeated = null;
			for (String key : row.keys) {
				if (earlier.containsKey(key)) {
					repeated = earlier.get(key);
					break;
				}
			}
			Match match = row.match;
			if (policy != DuplicatePolicy.CREATE && repeated != null) {
				decisions.skip(row, "import.duplicate.repeats-row", List.of(String.valueOf(repeated)), null, null);
				continue;
			}
			if (policy != DuplicatePolicy.CREATE && match != null) {
				if (match.sameImport()) {
					decisions.skip(row, "import.duplicate.repeats-earlier-row", List.of(match.name()), recordType,
							match.id());
					continue;
				}
				if (!match.visible()) {
					String owner = ownerNames.get(match.ownerId());
					decisions.skip(row, owner == null ? "duplicates.hidden.nobody" : "duplicates.hidden",
							owner == null ? List.of() : List.of(owner), null, null);
					continue;
				}
				if (policy == DuplicatePolicy.SKIP || !updated.add(match.id())) {
					decisions.skip(row, "import.duplicate.exists." + match.rule(), List.of(match.name()), recordType,
							match.id());
					continue;
				}
				decisions.update.add(row);
			}
			else {
				decisions.create.add(row);
			}
			for (String key : row.keys) {
				earlier.putIfAbsent(key, row.number);
			}
		}
		return decisions;
	}

	private void skip(Row row, String reason, List<String> args, @Nullable String recordType, @Nullable Long recordId) {
		skipped.put(row.number, new Skip(Outcome.SKIPPED, null, reason, args, recordType, recordId));
	}

	static Skip refusal(RuleViolation violation) {
		List<String> args = new ArrayList<>();
		for (Object argument : violation.arguments()) {
			args.add(String.valueOf(argument));
		}
		return new Skip(Outcome.REFUSED, fieldKey(violation.field()), violation.messageKey(), args, null, null);
	}

	/** The import field (or {@code custom:<key>}) a rule's field name refers to. */
	static @Nullable String fieldKey(@Nullable String field) {
		if (field == null) {
			return null;
		}
		String base = field.split("[\\[.]")[0];
		if (base.startsWith("cf") && base.length() > 2 && Character.isDigit(base.charAt(2))) {
			return ImportField.CUSTOM_PREFIX + base.substring(2);
		}
		return switch (base) {
			case "phones", "phone" -> ImportField.PHONE.key();
			case "emails", "email" -> ImportField.EMAIL.key();
			case "addresses" -> ImportField.ADDRESS.key();
			case "responsibleId" -> ImportField.RESPONSIBLE.key();
			case "work" -> field.endsWith("position") ? ImportField.POSITION.key() : ImportField.COMPANY.key();
			case "message" -> ImportField.MESSAGE.key();
			default -> ImportField.byKey(base).map(ImportField::key).orElse(base);
		};
	}

	/** The title of the first column mapped to the field, or the field key. */
	static @Nullable String columnTitle(@Nullable String fieldKey, Map<Integer, String> mapping, List<String> header) {
		if (fieldKey == null) {
			return null;
		}
		return mapping.entrySet()
			.stream()
			.filter(entry -> entry.getValue().equals(fieldKey) && entry.getKey() < header.size())
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> header.get(entry.getKey()))
			.findFirst()
			.orElse(fieldKey);
	}

	ImportIssue issue(long rowNumber, Skip skip, List<String> cells, Map<Integer, String> mapping,
			List<String> header) {
		return new ImportIssue(rowNumber, skip.outcome(), columnTitle(skip.fieldKey(), mapping, header), skip.reason(),
				skip.args(), skip.recordType(), skip.recordId(), cells);
	}

}
