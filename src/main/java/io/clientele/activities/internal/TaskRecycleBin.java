package io.clientele.activities.internal;

import java.time.Instant;
import java.util.List;

import io.clientele.activities.TaskService;
import io.clientele.activities.TaskVisibility;
import io.clientele.clients.RecycleBin;
import io.clientele.clients.spi.RecycleBinSection;
import io.clientele.identity.CurrentUser;
import io.clientele.identity.UserDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deleted tasks in the one recycle bin, for 30 days, to those who may see them. */
@Component
class TaskRecycleBin implements RecycleBinSection {

	private final JdbcClient jdbc;

	private final TaskStore store;

	private final TaskService tasks;

	private final UserDirectory users;

	TaskRecycleBin(JdbcClient jdbc, TaskStore store, TaskService tasks, UserDirectory users) {
		this.jdbc = jdbc;
		this.store = store;
		this.tasks = tasks;
		this.users = users;
	}

	@Override
	public String type() {
		return TaskService.RECORD_TYPE;
	}

	@Override
	public List<RecycleBin.Item> deletedSince(Instant since, int limit, CurrentUser reader) {
		TaskVisibility visibility = store.visibility(reader.id());
		List<RecycleBinSection.Deleted> rows = RecycleBinSection.deleted(jdbc, "tasks", "title",
				visibility.sqlCondition("c"), visibility::bind, since, limit);
		return RecycleBinSection.items(type(), rows, users, Task.RESTORABLE_DAYS);
	}

	@Override
	public Restored restore(long id, CurrentUser reader) {
		tasks.restore(id, reader);
		return Restored.at("/tasks/" + id);
	}

}
