package io.clientele.shared.views;

import org.jspecify.annotations.Nullable;

/**
 * A named list setting: the query string of a list page (columns, filters, sort,
 * grouping).
 *
 * @param sharedDepartmentId the department whose members see it too, or null when it is
 * the owner's alone
 */
public record SavedView(long id, String list, String name, long ownerId, @Nullable Long sharedDepartmentId,
		String query) {

	public boolean shared() {
		return sharedDepartmentId != null;
	}

}
