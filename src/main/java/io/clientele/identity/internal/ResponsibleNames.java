package io.clientele.identity.internal;

import java.util.Collection;
import java.util.Map;

import io.clientele.identity.UserDirectory;
import io.clientele.shared.lists.ListNames;
import org.springframework.stereotype.Component;

/** The responsible user of a record list's rows, by full name. */
@Component
class ResponsibleNames implements ListNames {

	private final UserDirectory users;

	ResponsibleNames(UserDirectory users) {
		this.users = users;
	}

	@Override
	public String column() {
		return "responsible";
	}

	@Override
	public Map<Long, String> names(Collection<Long> ids) {
		return users.names(ids);
	}

}
