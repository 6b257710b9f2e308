package io.clientele.clients.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.clientele.clients.ClientVisibility;
import io.clientele.clients.DuplicatePolicy;
import io.clientele.identity.Role;
import io.clientele.identity.UserSummary;
import io.clientele.shared.RuleViolation;
import io.clientele.shared.customfields.CustomField;
import org.jspecify.annotations.Nullable;

/**
 * What every row of one import is checked against: who imports (and so what they may see
 * and whom they may make responsible), the custom fields, the duplicate policy.
 *
 * @param assignable the users the author may make responsible, by lower-cased full name
 * @param departments the department of each of those users
 */
record ImportContext(long importId, UserSummary author, ClientVisibility visibility, DuplicatePolicy policy,
		@Nullable Long defaultClientId, List<CustomField> customFields, Map<String, Long> assignable,
		Map<Long, Long> departments, Instant now) {

	ImportContext(long importId, UserSummary author, ClientVisibility visibility, DuplicatePolicy policy,
			@Nullable Long defaultClientId, List<CustomField> customFields, List<UserSummary> assignable, Instant now) {
		this(importId, author, visibility, policy, defaultClientId, customFields, byName(assignable),
				departments(assignable), now);
	}

	private static Map<String, Long> byName(List<UserSummary> users) {
		Map<String, Long> byName = new HashMap<>();
		users.forEach(user -> byName.putIfAbsent(user.fullName().strip().toLowerCase(Locale.ROOT), user.id()));
		return byName;
	}

	private static Map<Long, Long> departments(List<UserSummary> users) {
		Map<Long, Long> departments = new HashMap<>();
		users.forEach(user -> departments.put(user.id(), user.departmentId()));
		return departments;
	}

	boolean authorIsManager() {
		return author.role() == Role.SALES_MANAGER || author.role() == Role.MARKETER || author.role() == Role.SUPPORT;
	}

	/**
	 * The responsible user a cell names (by full name), or null when the cell is empty.
	 */
	@Nullable Long responsible(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String key = name.strip().toLowerCase(Locale.ROOT);
		if (key.equals(author.fullName().strip().toLowerCase(Locale.ROOT))) {
			return author.id();
		}
		if (authorIsManager()) {
			throw new RuleViolation("responsibleId", "client.responsible.not-yours-to-give");
		}
		Long id = assignable.get(key);
		if (id == null) {
			throw new RuleViolation("responsibleId", "import.responsible.unknown", name);
		}
		return id;
	}

}
