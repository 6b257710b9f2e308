package io.clientele.activities.internal;

import java.util.Map;

import io.clientele.activities.MyTasks;
import io.clientele.activities.MyTasksGroup;
import io.clientele.activities.TaskQueries;
import io.clientele.activities.WorkItems;
import io.clientele.clients.spi.ClientPanel;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.security.ClienteleUserDetails;
import io.clientele.shared.web.PagePanel;
import io.clientele.shared.web.StartPagePanel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The tasks sections of other pages: a client's open tasks and work item chains on the
 * client card, what needs the user today on the start page.
 */
@Component
class TaskPanels implements ClientPanel, StartPagePanel {

	private static final int CHAINS = 5;

	private final TaskQueries queries;

	private final WorkItems workItems;

	private final MyTasks myTasks;

	TaskPanels(TaskQueries queries, WorkItems workItems, MyTasks myTasks) {
		this.queries = queries;
		this.workItems = workItems;
		this.myTasks = myTasks;
	}

	@Override
	public PagePanel section(long clientId, CurrentUser reader) {
		return new PagePanel("tasks/panels", "clientTasks", 5, Map.of("clientId", clientId, "tasks",
				queries.openOfClient(clientId, reader), "chains", workItems.ofClient(clientId, CHAINS, reader)));
	}

	@Override
	public @Nullable PagePanel panel(ClienteleUserDetails user) {
		if (!(user instanceof CurrentUser reader)) {
			return null;
		}
		var view = myTasks.of(reader);
		var urgent = view.groups()
			.stream()
			.filter(group -> group.key() == MyTasksGroup.OVERDUE || group.key() == MyTasksGroup.TODAY)
			.toList();
		return new PagePanel("tasks/panels", "myTasksToday", 5, Map.of("groups", urgent, "open", view.open()));
	}

}
