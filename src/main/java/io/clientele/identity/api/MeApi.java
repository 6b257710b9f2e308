package io.clientele.identity.api;

import io.clientele.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the caller is.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity")
class MeApi {

	/**
	 * The user a token belongs to.
	 */
	record Me(long id, String username, String fullName, String role, Department department, @Nullable String locale) {
	}

	record Department(long id, String name) {
	}

	@GetMapping("/me")
	@Operation(summary = "The user the API token belongs to")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.id(), user.getUsername(), user.displayName(), user.role().name(),
				new Department(user.departmentId(), user.departmentName()),
				user.preferredLocale() == null ? null : user.preferredLocale().getLanguage());
	}

}
