package io.clientele.processes.web;

import java.util.List;

import io.clientele.shared.web.NavigationContributor;
import io.clientele.shared.web.NavigationEntry;
import org.springframework.stereotype.Component;

/** Instructions given by and to the user, for everyone, beside "My tasks". */
@Component
class InstructionNavigation implements NavigationContributor {

	@Override
	public List<NavigationEntry> navigation() {
		return List.of(new NavigationEntry(NavigationEntry.MAIN, "nav.instructions", "/instructions", "clipboard-list",
				17, null));
	}

}
