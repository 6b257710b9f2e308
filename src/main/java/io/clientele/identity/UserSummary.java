package io.clientele.identity;

/**
 * A user as other modules show them: in pickers, as the responsible manager of a record.
 */
public record UserSummary(long id, String fullName, Role role, long departmentId, String departmentName,
		boolean active) {
}
