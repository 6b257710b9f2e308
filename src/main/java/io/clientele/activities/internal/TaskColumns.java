package io.clientele.activities.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.clientele.activities.TaskKind;
import io.clientele.activities.TaskPriority;
import io.clientele.activities.TaskState;
import io.clientele.shared.lists.ListColumn;
import io.clientele.shared.lists.ListColumn.FilterType;
import io.clientele.shared.lists.ListColumn.SortType;
import io.clientele.shared.lists.ListSource;
import org.springframework.stereotype.Component;

/**
 * The columns of the task list for the shared list machinery. The machinery names the
 * person a record belongs to {@code c.responsible_id}; for tasks that is the executor, so
 * the list reads the table through a subquery that gives the executor that name (the
 * planner flattens it: the indexes on {@code executor_id} answer conditions on it). The
 * sort by deadline walks {@code tasks_due_idx}, an executor's {@code tasks_executor_idx},
 * an author's {@code tasks_author_idx}.
 */
@Component
public class TaskColumns {

	public static final String DUE_SORT = "coalesce(c.due_on, date '9999-12-31')";

	private static final List<ListColumn> COLUMNS = List.of(
			new ListColumn("name", "task.field.title", false, "c.title", "lower(c.title)", SortType.TEXT,
					FilterType.TEXT, false, null),
			new ListColumn("kind", "task.field.kind", false, "c.kind", "c.kind", SortType.TEXT, FilterType.CHOICE, true,
					null),
			new ListColumn("state", "task.field.state", false, "c.state", "c.state", SortType.TEXT, FilterType.CHOICE,
					true, null),
			new ListColumn("priority", "task.field.priority", false, "c.priority", "c.priority", SortType.TEXT,
					FilterType.CHOICE, true, null),
			new ListColumn("due", "task.field.due", false, "c.due_on", DUE_SORT, SortType.DATE, FilterType.DATE_RANGE,
					false, null),
			new ListColumn("dueAt", "task.field.due-time", false, "c.due_at", null, SortType.TIMESTAMP, null, false,
					null),
			new ListColumn("executor", "task.field.executor", false, "c.responsible_id", null, SortType.NUMBER,
					FilterType.USER, false, null),
			new ListColumn("author", "task.field.author", false, "c.author_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("client", "task.field.client", false, "c.client_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("contact", "task.field.contact", false, "c.contact_id", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("deal", "task.field.deal", false, "c.deal_id", null, SortType.NUMBER, FilterType.OPTION,
					false, null),
			new ListColumn("previous", "workitem.field.previous", false, "c.previous_id", null, SortType.NUMBER, null,
					false, null),
			new ListColumn("chain", "workitem.field.chain", false, "coalesce(c.chain_id, c.id)", null, SortType.NUMBER,
					FilterType.OPTION, false, null),
			new ListColumn("remindAt", "task.field.remind-at", false, "c.remind_at", null, SortType.TIMESTAMP, null,
					false, null),
			new ListColumn("spent", "task.field.spent", false, "c.spent_minutes", null, SortType.NUMBER,
					FilterType.NUMBER_RANGE, false, null),
			new ListColumn("opened", "task.field.opened", false, "c.first_opened_at", null, SortType.TIMESTAMP, null,
					false, null),
			new ListColumn("done", "task.field.done", false, "c.done_at",
					"coalesce(c.done_at, timestamptz '0001-01-01 00:00Z')", SortType.TIMESTAMP, FilterType.DATE_RANGE,
					false, null),
			new ListColumn("created", "task.field.created", false, "c.created_at", "c.created_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("updated", "task.field.updated", false, "c.updated_at", "c.updated_at", SortType.TIMESTAMP,
					FilterType.DATE_RANGE, false, null),
			new ListColumn("version", "task.field.version", false, "c.version", null, SortType.NUMBER, null, false,
					null));

	public Map<String, ListColumn> all() {
		Map<String, ListColumn> columns = new LinkedHashMap<>();
		COLUMNS.forEach(column -> columns.put(column.key(), column));
		return columns;
	}

	public ListSource source() {
		return new ListSource("(select t.*, t.executor_id as responsible_id from tasks t)", "c.deleted_at is null",
				"c.kind", all(), Map.of("kind", List.of(TaskKind.values()), "state", List.of(TaskState.values()),
						"priority", List.of(TaskPriority.values())),
				List.of("lower(c.title)"), false, Map.of(), "c.title", false);
	}

}
