package io.clientele.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.clientele.activities.internal.TaskColumns;
import io.clientele.activities.internal.TaskStore;
import io.clientele.identity.CurrentUser;
import io.clientele.shared.lists.RecordListPage;
import io.clientele.shared.lists.RecordListQuery;
import io.clientele.shared.lists.RecordQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task list of a signed-in user (the API's): only the tasks they may see, filtered,
 * sorted and paged by keyset through the shared list machinery. A reader who does not see
 * everything reads three branches merged in order (their people's tasks as executors, as
 * authors, and the tasks of the clients and deals they see), each a range of its own
 * index.
 */
@Service
public class TaskList {

	private static final String OVERDUE = "(c.state <> 'DONE' and (" + TaskColumns.DUE_SORT
			+ " < :overdueToday or c.due_at < :overdueNow))";

	private final RecordListQuery query;

	private final TaskColumns columns;

	private final TaskStore store;

	private final JdbcClient jdbc;

	private final Clock clock;

	TaskList(RecordListQuery query, TaskColumns columns, TaskStore store, JdbcClient jdbc, Clock clock) {
		this.query = query;
		this.columns = columns;
		this.store = store;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param overdue only the open tasks past their deadline
	 */
	@Transactional(readOnly = true)
	public RecordListPage page(RecordQuery request, boolean overdue, CurrentUser reader) {
		TaskVisibility visibility = store.visibility(reader.id());
		String condition = visibility.sqlCondition("c");
		List<String> branches = visibility.sqlBranches("c");
		if (overdue) {
			condition = condition + " and " + OVERDUE;
			branches = branches.stream().map(branch -> "(" + branch + ") and " + OVERDUE).toList();
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, TaskStore.ZONE);
		RecordListQuery.planForTheValues(jdbc);
		return query.page(columns.source(), request, condition, branches,
				statement -> bindOverdue(visibility.bind(statement), overdue, today, now));
	}

	private static JdbcClient.StatementSpec bindOverdue(JdbcClient.StatementSpec statement, boolean overdue,
			LocalDate today, Instant now) {
		return overdue ? statement.param("overdueToday", today).param("overdueNow", now.atOffset(ZoneOffset.UTC))
				: statement;
	}

	public List<String> columns() {
		return List.copyOf(columns.all().keySet());
	}

}
